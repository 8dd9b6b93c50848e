/* The Print buttons (gb-print.html) print a blank copy, with html.gb-print-blank
 * (print.css then draws every box empty) until "afterprint", or a copy with the
 * boxes as they are checked. The running header shows the page address and the
 * date printed, from --gb-print-url and --gb-print-date set here. Without this
 * script the buttons are not shown and the browser's own Print command prints
 * the page as it is. */
import { address, all, language, listen, parts } from "./dom.js";
import { say } from "./words.js";

const html = document.documentElement;

function stamp() {
  const printed = say("print.printed_on", { date: new Date().toLocaleDateString(language(), { dateStyle: "long" }) });
  html.style.setProperty("--gb-print-url", JSON.stringify(address()));
  html.style.setProperty("--gb-print-date", JSON.stringify(printed));
  for (const element of parts(document, "print-date")) element.textContent = printed;
}

export function initPrint(root) {
  stamp();
  for (const button of all(root, '[data-gb="print"] [data-print]')) {
    listen(button, "click", () => {
      html.classList.toggle("gb-print-blank", button.dataset.print === "blank");
      print();
    });
  }
}

addEventListener("beforeprint", stamp);
addEventListener("afterprint", () => html.classList.remove("gb-print-blank"));
