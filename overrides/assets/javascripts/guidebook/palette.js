/* Material's palette toggle (light/dark) is a pair of radios of which none is checked after load when
 * the palette follows the system's: Tab then reached the radio of the other palette, named for the
 * wrong switch, whose focus ring lands on a hidden label. Checking the radio of the palette shown makes
 * it the group's one tab stop, with its visible label (and ring: guidebook.css) next to it. */
import { all } from "./dom.js";

export function checkPalette(root) {
  const radios = all(root, 'input[name="__palette"]');
  if (!radios.length || radios.some((radio) => radio.checked)) return;
  const scheme = document.body?.dataset.mdColorScheme;
  const shown = radios.find((radio) => radio.dataset.mdColorScheme === scheme);
  if (shown) shown.checked = true;
}
