// The browser-test mock's answers for the planning commands, from the real core's fixtures.

import type { Handlers } from "./context";

export const handlers: Handlers = {};
