import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { RateCard, SavedRateCard } from "../bindings";
import trust from "../test/trust-fixtures.json";
import { RateCardDialog, withRate } from "./RateCard";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { rateCard: vi.fn(), saveRateCard: vi.fn(), resetRateCard: vi.fn(), exportRateCard: vi.fn(), importRateCard: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
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
});
