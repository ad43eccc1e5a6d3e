import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, fireEvent, render, screen, waitFor } from "@testing-library/react";
import { api, CommandError } from "../api";
import type { Plan } from "../bindings";
import trust from "../test/trust-fixtures.json";
import core from "../test/core-fixtures.json";
import { COMMENT } from "../test/trust";
import { Comments, CommentsPanel } from "./Comments";

vi.mock("../api", async (orig) => {
  const real = await orig<typeof import("../api")>();
  return { ...real, api: { addComment: vi.fn(), resolveComment: vi.fn() } };
});

afterEach(() => {
  cleanup();
  vi.clearAllMocks();
  window.localStorage.clear();
});

const sample = core.scenarios.find((s) => s.name === "sample")!.plan as unknown as Plan;
const commented = trust.scenarios.find((s) => s.name === "trust.commented")!.plan as unknown as Plan;
const resolved = trust.scenarios.find((s) => s.name === "trust.commentResolved")!.plan as unknown as Plan;

describe("Comments", () => {
  it("adds a comment on a line through the core as one edit, and remembers the author", async () => {
    vi.mocked(api.addComment).mockImplementation(async (_p, line, author) => {
      if (!author.trim()) throw new CommandError(trust.comments.no_author);
      expect(line).toBe(COMMENT.line);
      return commented;
    });
    const edit = vi.fn();
    render(<CommentsPanel plan={sample} edit={edit} />);
    expect(screen.getByText(/No comments yet/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText("About"), { target: { value: COMMENT.line } });
    fireEvent.change(screen.getByLabelText("Comment"), { target: { value: COMMENT.text } });
    fireEvent.click(screen.getByRole("button", { name: "Add comment" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Say who writes the comment");
    fireEvent.change(screen.getByLabelText("Your name"), { target: { value: COMMENT.author } });
    fireEvent.click(screen.getByRole("button", { name: "Add comment" }));
    await waitFor(() => expect(edit).toHaveBeenCalledTimes(1));
    expect(edit.mock.calls[0][0](sample)).toBe(commented);
    expect(window.localStorage.getItem("flightplan.commentAuthor")).toBe(COMMENT.author);
  });

  it("lists who said what about which line, resolves it, and counts the open ones on the button", async () => {
    vi.mocked(api.resolveComment).mockResolvedValue(resolved);
    const edit = vi.fn();
    render(<Comments plan={commented} edit={edit} />);
    const button = screen.getByRole("button", { name: "Comments · 1" });
    fireEvent.click(button);
    const item = document.querySelector('[data-comment="c1"]')!;
    expect(item.querySelector("strong")!.textContent).toBe(COMMENT.author);
    expect(item.querySelector(".comment-about")!.textContent).toBe("Prospecting — Broad");
    expect(item.querySelector(".comment-text")!.textContent).toBe(COMMENT.text);
    fireEvent.click(screen.getByRole("button", { name: "Resolve" }));
    await waitFor(() => expect(edit).toHaveBeenCalledTimes(1));
    expect(api.resolveComment).toHaveBeenCalledWith(commented, "c1", true);
    cleanup();
    render(<Comments plan={resolved} edit={() => {}} />);
    fireEvent.click(screen.getByRole("button", { name: "Comments" }));
    expect(screen.getByRole("button", { name: "Reopen" })).toBeTruthy();
  });
});
