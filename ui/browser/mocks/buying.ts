// The browser-test mock's answers for the buying commands, from the real core's fixtures.

import type { Handlers } from "./context";

export const handlers: Handlers = {};
