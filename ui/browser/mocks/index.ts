// Every area's mock handlers, by command name.

import type { Handlers } from "./context";
import { handlers as buying } from "./buying";
import { handlers as files } from "./files";
import { handlers as imports } from "./imports";
import { handlers as monitoring } from "./monitoring";
import { handlers as opening } from "./opening";
import { handlers as planning } from "./planning";
import { handlers as print } from "./print";
import { handlers as trust } from "./trust";

export const handlers: Handlers = { ...buying, ...files, ...imports, ...monitoring, ...opening, ...planning, ...print, ...trust };
