import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@fontsource/inter/latin-400.css";
import "@fontsource/inter/latin-500.css";
import "@fontsource/inter/latin-600.css";
import "./styles.css";
import "./styles/controls.css";
import "./styles/stages.css";
import "./styles/grid.css";
import "./styles/workshop.css";
import "./styles/planning.css";
import "./styles/buying.css";
import "./styles/import.css";
import "./styles/monitoring.css";
import "./styles/library.css";
import "./styles/trust.css";
import "./styles/reach.css";
import "./styles/print.css";
import { App } from "./App";

const root = document.getElementById("root");
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
