import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { RateCard, SavedRateCard } from "../bindings";
import trust from "../test/trust-fixtures.json";
import { RateCardDialog, withRate } from "./RateCard";
import { entryFrom } from "./RateCardAdd";
import { ADDED_CHANNEL } from "../test/trust";
import { forgetCatalogues } from "../stages/catalogue";
import type { Catalogue } from "../bindings";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: {
      rateCard: vi.fn(),
      saveRateCard: vi.fn(),
      resetRateCard: vi.fn(),
      exportRateCard: vi.fn(),
      importRateCard: vi.fn(),
      addRateCardEntry: vi.fn(),
      removeRateCardEntry: vi.fn(),
      catalogue: vi.fn(),
    }, };
});

beforeEach(() => {
  vi.mocked(api.catalogue).mockResolvedValue(trust.rates.addedCatalogues[""] as unknown as Catalogue);
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  forgetCatalogues();
});

const builtin = trust.rates.builtin as unknown as SavedRateCard;
const edited = trust.rates.edited as unknown as SavedRateCard;
const meta = builtin.card.channels.findIndex((e) => e.channel === "Meta" && e.name === "Prospecting");

describe("withRate", () => {
  it("sets one entry's default rate as typed, tidied, and clears it when emptied", () => {
    const card = withRate(builtin.card, meta, "$11.25");
    expect(card.channels[meta].rate).toBe("11.25");
    expect(card.channels.filter((_, i) => i !== meta)).toEqual(builtin.card.channels.filter((_, i) => i !== meta));
    expect(withRate(card, meta, "").channels[meta].rate).toBeUndefined();
  });
});

describe("RateCardDialog", () => {
  it("shows the built-in card, saves an edited rate through the core and says when it was saved", async () => {
    vi.mocked(api.rateCard).mockResolvedValue(builtin);
    vi.mocked(api.saveRateCard).mockImplementation(async (card: RateCard) => {
      expect(card).toEqual(edited.card);
      return edited;
    });
    render(<RateCardDialog onClose={() => {}} />);
    expect((await screen.findByTestId("rate-card-state")).textContent).toBe(
      "The built-in rate card · edit a rate and save to keep it for every plan · rates in USD",
    );
    expect(screen.getAllByRole("row")).toHaveLength(builtin.card.channels.length + 1);
    const save = screen.getByRole("button", { name: "Save rate card" }) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText("Default rate, Meta — Prospecting"), { target: { value: "11.25" } });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    await waitFor(() => expect(screen.getByTestId("rate-card-state").textContent).toMatch(/^Saved in the library 21 Nov 2026/));
    expect((screen.getByLabelText("Default rate, Meta — Prospecting") as HTMLInputElement).value).toBe("11.25");
  });

  it("shows the core's refusal naming the entry, and marks its row", async () => {
    vi.mocked(api.rateCard).mockResolvedValue(builtin);
    vi.mocked(api.saveRateCard).mockRejectedValue(new CommandError(trust.rates.refused));
    render(<RateCardDialog onClose={() => {}} />);
    fireEvent.change(await screen.findByLabelText("Default rate, Google Ads — Search — Brand"), { target: { value: "-1.20" } });
    fireEvent.click(screen.getByRole("button", { name: "Save rate card" }));
    expect((await screen.findByRole("alert")).textContent).toContain("-1.20 is negative");
    expect(document.querySelector("tbody tr")!.className).toBe("row-error");
  });

  it("turns default fees for new plans on and off", async () => {
    vi.mocked(api.rateCard).mockResolvedValue(builtin);
    render(<RateCardDialog onClose={() => {}} />);
    const on = (await screen.findByLabelText(/New plans start with these fees/)) as HTMLInputElement;
    expect(on.checked).toBe(builtin.card.fees !== undefined);
    fireEvent.click(on);
    expect(screen.queryByLabelText("Agency commission %") !== null).toBe(builtin.card.fees === undefined);
  });

  it("adds a channel through the core from the form, refuses it again at its field, and removes one after saying what happens to plans", async () => {
    const added = trust.rates.added.card as unknown as RateCard;
    vi.mocked(api.rateCard).mockResolvedValue(builtin);
    vi.mocked(api.addRateCardEntry).mockResolvedValueOnce(added).mockRejectedValueOnce(new CommandError(trust.rates.addedTwice));
    vi.mocked(api.removeRateCardEntry).mockResolvedValue(trust.rates.removed.card as unknown as RateCard);
    render(<RateCardDialog onClose={() => {}} />);
    fireEvent.click(await screen.findByRole("button", { name: "Add a channel…" }));
    const fill = () => {
      const form = screen.getByRole("region", { name: "Add a channel" });
      const set = (label: string, value: string) => fireEvent.change(form.querySelector(`[aria-label="${label}"]`)!, { target: { value } });
      set("Channel", ADDED_CHANNEL.channel);
      set("Buy", ADDED_CHANNEL.name);
      set("Vendor", ADDED_CHANNEL.vendor);
      set("Medium", ADDED_CHANNEL.medium);
      set("Pricing", ADDED_CHANNEL.pricing);
      set("Default rate", "$25.00");
      set("Buying method", ADDED_CHANNEL.buying);
      set("Funnel role", ADDED_CHANNEL.role);
      set("Demand", ADDED_CHANNEL.demand);
      fireEvent.click(screen.getByRole("button", { name: "Add to the card" }));
    };
    // The medium select shows the core's labels once the catalogue answers.
    await waitFor(() => expect(screen.getByRole("option", { name: "Streaming audio" })).toBeTruthy());
    fill();
    await screen.findByText(/^Added Podcasts — Host reads: save the rate card/);
    expect(vi.mocked(api.addRateCardEntry).mock.calls[0]).toEqual([builtin.card, { ...ADDED_CHANNEL, dayparts: [] }]);
    expect(screen.getAllByRole("row")).toHaveLength(added.channels.length + 1);
    expect((screen.getByRole("button", { name: "Save rate card" }) as HTMLButtonElement).disabled).toBe(false);
    // Again: the core's refusal sits under the Buy field.
    fireEvent.click(screen.getByRole("button", { name: "Add a channel…" }));
    fill();
    const refused = await screen.findByText('the rate card already has "Podcasts — Host reads"', { exact: false });
    expect(refused.closest(".field")!.querySelector("[aria-label]")!.getAttribute("aria-label")).toBe("Buy");
    fireEvent.click(screen.getByRole("button", { name: "Cancel" }));
    // Removing asks first, and says plans keep their lines.
    fireEvent.click(screen.getByRole("button", { name: "Remove Podcasts — Host reads" }));
    const confirm = screen.getByRole("alertdialog", { name: "Remove a channel" });
    expect(confirm.textContent).toContain("Plans that already have lines on it keep them as they are");
    expect(api.removeRateCardEntry).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole("button", { name: "Remove" }));
    await screen.findByText(/^Removed Podcasts — Host reads/);
    expect(api.removeRateCardEntry).toHaveBeenCalledWith(added, "Podcasts", "Host reads");
    expect(screen.getAllByRole("row")).toHaveLength(builtin.card.channels.length + 1);
  });
});

describe("entryFrom", () => {
  it("leaves out the choices not made and tidies the rate", () => {
    const d = { channel: "Podcasts", name: "Ads", vendor: "", medium: "" as const, buying: "" as const, role: "" as const, demand: "" as const, pricing: "cpm" as const, rate: "" };
    expect(entryFrom(d)).toEqual({ channel: "Podcasts", name: "Ads", vendor: "", pricing: "cpm", dayparts: [] });
    expect(entryFrom({ ...d, medium: "audio", rate: "$1,250.50" })).toEqual({ channel: "Podcasts", name: "Ads", vendor: "", pricing: "cpm", dayparts: [], medium: "audio", rate: "1250.50" });
  });
});
