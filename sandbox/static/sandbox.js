// Shared helpers of the sandbox pages: JSON fetch with an error banner, money and date formats.
window.Sandbox = {
  async getJSON(url) {
    const response = await fetch(url, {headers: {"Accept": "application/json"}});
    if (!response.ok) throw new Error("HTTP " + response.status);
    return await response.json();
  },
  money(value) {
    return Number(value).toLocaleString("ru-RU", {minimumFractionDigits: 2, maximumFractionDigits: 2}) + " ₸";
  },
  date(iso) {
    const [y, m, d] = iso.split("-");
    return `${d}.${m}.${y}`;
  },
  escape(text) {
    const div = document.createElement("div");
    div.textContent = text == null ? "" : String(text);
    return div.innerHTML;
  },
  show(el, visible) { el.hidden = !visible; },
};
