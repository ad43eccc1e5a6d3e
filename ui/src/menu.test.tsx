import { afterEach, describe, expect, it, vi } from "vitest";
import { cleanup, render } from "@testing-library/react";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { emit } from "@tauri-apps/api/event";
import { FRAME, listenToNativeMenu, MENU_ACTIONS, MenuBus, useMenu, type MenuAction } from "./menu";

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("the menu bus", () => {
  it("runs the screen's handler over the frame's, and the frame's once the screen is gone", () => {
    const bus = new MenuBus();
    const calls: string[] = [];
    bus.on("import_plan", () => calls.push("frame"), FRAME);
    const stop = bus.on("import_plan", () => calls.push("library"));
    expect(bus.dispatch("import_plan")).toBe(true);
    stop();
    expect(bus.dispatch("import_plan")).toBe(true);
    expect(calls).toEqual(["library", "frame"]);
  });

  it("a screen subscribed before the frame still wins (child effects run first)", () => {
    const bus = new MenuBus();
    const calls: string[] = [];
    bus.on("new_plan", () => calls.push("library"));
    bus.on("new_plan", () => calls.push("frame"), FRAME);
    bus.dispatch("new_plan");
    expect(calls).toEqual(["library"]);
  });

  it("ignores ids it does not know and actions nobody on screen handles", () => {
    const bus = new MenuBus();
    const run = vi.fn();
    bus.on("undo", run);
    expect(bus.dispatch("quit")).toBe(false);
    expect(bus.dispatch(42)).toBe(false);
    expect(bus.dispatch("export_pdf")).toBe(false);
    expect(run).not.toHaveBeenCalled();
  });

  it("knows every item the shell forwards (src-tauri/src/menu.rs ITEMS)", () => {
    expect([...MENU_ACTIONS].sort()).toEqual(
      ["about", "export_csv", "export_mediaplan", "export_pdf", "export_plan", "export_xlsx", "import_plan", "library", "new_plan", "print", "redo", "snapshot", "undo", "update_plan", "workshop"],
    );
  });

  it("useMenu calls the latest handler and unsubscribes on unmount", () => {
    const bus = new MenuBus();
    const seen: number[] = [];
    function Screen({ n, action }: { n: number; action: MenuAction }) {
      useMenu(action, () => seen.push(n), undefined, bus);
      return null;
    }
    const view = render(<Screen n={1} action="workshop" />);
    view.rerender(<Screen n={2} action="workshop" />);
    bus.dispatch("workshop");
    view.unmount();
    expect(bus.dispatch("workshop")).toBe(false);
    expect(seen).toEqual([2]);
  });

  it("hears the shell's menu event until told to stop", async () => {
    mockIPC(() => {}, { shouldMockEvents: true });
    const bus = new MenuBus();
    const about = vi.fn();
    bus.on("about", about);
    const stop = await listenToNativeMenu(bus);
    await emit("menu", "about");
    expect(about).toHaveBeenCalledTimes(1);
    stop();
    await emit("menu", "about");
    expect(about).toHaveBeenCalledTimes(1);
  });
});
