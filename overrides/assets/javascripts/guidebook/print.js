/* Printing (gb-print.html, gb-print-incident.html, print.css).
 * The Print buttons print a blank copy, with html.gb-print-blank (print.css then
 * draws every box empty) until "afterprint", or a copy with the boxes as they
 * are checked. A copy with progress is a record: just before printing, each
 * checked item gets the time it was checked ("✓ 10:42 PM", with the date when
 * not today; item-record.js, loaded once an item is checked, makes these) and a
 * police checklist the incident start and each phase's due time; after printing
 * they are taken out again. A blank copy never prints any of them. The
 * browser's own Print command prints the page as it is, as a copy with
 * progress. The running header shows the page address and the date printed,
 * from --gb-print-url and --gb-print-date set here before printing, when the
 * packet's cover gets the date printed too. Without
 * this script the buttons are not shown and the page prints with blank lines. */
import { address, all, language, listen, parts } from "./dom.js";
import * as store from "./store.js";
import { say, shortTime } from "./words.js";

const html = document.documentElement;
const HOUR = 3600 * 1000;

const printedOn = () => say("print.printed_on", { date: new Date().toLocaleDateString(language(), { dateStyle: "long" }) });

/** The running header's address and date, and the date on the packet's cover, set just before
 * printing: a custom property on <html> makes the browser recompute the style of the whole page,
 * which on a long page is a long task, and the first date the page formats costs it some 25 ms. */
function stamp() {
  const printed = printedOn();
  html.style.setProperty("--gb-print-url", JSON.stringify(address()));
  html.style.setProperty("--gb-print-date", JSON.stringify(printed));
  for (const element of parts(document, "print-date")) element.textContent = printed;
}

function fillIncident(start) {
  for (const block of parts(document, "print-incident")) {
    const [blank] = parts(block, "print-incident-blank");
    const [set] = parts(block, "print-incident-set");
    blank.hidden = Boolean(start);
    set.hidden = !start;
    set.textContent = start ? say("print.incident_began", { start: shortTime(start, new Date(0)) }) : "";
    for (const cell of parts(block, "print-due")) {
      cell.textContent = start ? shortTime(new Date(start.getTime() + Number(cell.dataset.hours) * HOUR), new Date(0)) : "";
    }
  }
}

/** Put the incident's record in (a copy with progress) or take it out (a blank copy, and after printing);
 * item-record.js does the same with the time each item was checked. */
function showRecord(on) {
  const start = on && store.incidentStart() ? new Date(store.incidentStart()) : null;
  fillIncident(start);
}

function beforePrint() {
  stamp();
  showRecord(!html.classList.contains("gb-print-blank"));
}

function afterPrint() {
  html.classList.remove("gb-print-blank");
  showRecord(false);
}

/** `ready()`: the part that writes the checked times (item-record.js) while it loads as the page opens,
 * so that a copy printed at once has them. */
export function initPrint(root, ready = () => undefined) {
  for (const button of all(root, '[data-gb="print"] [data-print]')) {
    listen(button, "click", async () => {
      html.classList.toggle("gb-print-blank", button.dataset.print === "blank");
      await ready();
      print();
    });
  }
}

addEventListener("beforeprint", beforePrint);
addEventListener("afterprint", afterPrint);
