// One look at a page for the pre-flight: which of a page's elements its candidate selectors find (the first match's
// features, for its fingerprint) and every element of the page with its features and selectors (for proposals).
// Shown text is kept only as its shape: a person's data never leaves the page (orynda/site/fingerprint.py).
(arg) => {
  const SKIP = new Set(["script", "style", "template", "noscript", "head", "meta", "link", "html", "body", "br"]);
  const WORDY = new Set(["button", "a", "th", "label", "legend", "caption", "option", "summary", "dt",
    "h1", "h2", "h3", "h4", "h5", "h6"]);
  const ROLES = {a: "link", button: "button", select: "combobox", textarea: "textbox", tr: "row", td: "cell",
    th: "columnheader", table: "table", ul: "list", ol: "list", li: "listitem", section: "region", form: "form",
    dialog: "dialog", h1: "heading", h2: "heading", h3: "heading", h4: "heading", h5: "heading", h6: "heading",
    nav: "navigation", dl: "list", dd: "definition", dt: "term"};
  const clean = (s) => (s || "").replace(/\s+/g, " ").trim().slice(0, 80);
  const shape = (s) => clean(s).replace(/\p{L}+/gu, "a").replace(/\d/g, "9");
  const tagOf = (el) => el.tagName.toLowerCase();
  const hidden = (el) => !(el.offsetWidth || el.offsetHeight || el.getClientRects().length);
  const direct = (el) => [...el.childNodes].filter((n) => n.nodeType === 3).map((n) => n.textContent).join(" ");
  const inData = (el) => !!el.closest("tbody, dd, li");
  const role = (el) => {
    const tag = tagOf(el);
    if (el.getAttribute("role")) return el.getAttribute("role");
    if (tag === "input") {
      const type = (el.getAttribute("type") || "text").toLowerCase();
      return {checkbox: "checkbox", radio: "radio", submit: "button", button: "button", file: "file"}[type] || "textbox";
    }
    return ROLES[tag] || "";
  };
  const header = (cell) => {
    const table = cell.closest("table");
    const row = cell.parentElement;
    if (!table || !row) return "";
    const index = [...row.children].indexOf(cell);
    const head = table.querySelector("thead tr") || table.querySelector("tr");
    const th = head && head !== row ? head.children[index] : null;
    return th ? clean(th.textContent) : "";
  };
  const label = (el) => {
    const tag = tagOf(el);
    const named = el.getAttribute("aria-label") || el.getAttribute("placeholder") || el.getAttribute("title");
    if (named) return clean(named);
    if (el.labels && el.labels.length) return clean(el.labels[0].textContent);
    const cell = el.closest("td");
    if (cell) return header(cell);
    if (tag === "dd") {
      let dt = el.previousElementSibling;
      while (dt && tagOf(dt) !== "dt") dt = dt.previousElementSibling;
      return dt ? clean(dt.textContent) : "";
    }
    if ((WORDY.has(tag) || el.getAttribute("role") === "button") && !inData(el)) return clean(el.textContent);
    return "";
  };
  const text = (el) => {
    const own = ["tr", "li"].includes(tagOf(el)) ? el.textContent : direct(el);
    return hidden(el) && !inData(el) ? clean(own) : shape(own);
  };
  const headings = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6, legend, caption")];
  const heading = (el) => {
    let found = "";
    for (const h of headings) {
      if (h === el || h.contains(el)) continue;
      if (h.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) found = clean(h.textContent);
    }
    return found;
  };
  const near = (el) => (el ? tagOf(el) + ":" + (label(el) || (hidden(el) && !inData(el) ? clean(direct(el)) : "")) : "");
  const classes = (el) => [...el.classList].filter((c) => /^[A-Za-z_][\w-]*$/.test(c));
  const tagCls = (el) => tagOf(el) + classes(el).map((c) => "." + CSS.escape(c)).join("");
  const unique = (css) => { try { return document.querySelectorAll(css).length === 1; } catch (e) { return false; } };
  const owner = (el) => (el.parentElement ? el.parentElement.closest("[id]") : null);
  const selectors = (el) => {
    const out = {};
    const tag = tagOf(el);
    const tc = tagCls(el);
    const anc = owner(el);
    const name = el.getAttribute("name");
    if (el.id && unique("#" + CSS.escape(el.id))) out.unique = "#" + CSS.escape(el.id);
    else if (classes(el).length && unique(tc)) out.unique = tc;
    else if (name && unique(`${tag}[name="${name}"]`)) out.unique = `${tag}[name="${name}"]`;
    else if (anc && unique(`#${CSS.escape(anc.id)} ${tc}`)) out.unique = `#${CSS.escape(anc.id)} ${tc}`;
    if (classes(el).length) out.local = tc;
    else if (el.parentElement && classes(el.parentElement).length) out.local = tagCls(el.parentElement) + " " + tag;
    if (anc) {
      const body = el.closest("tbody");
      const middle = body && anc.contains(body) && tagOf(anc) === "table" ? " tbody " : " ";
      out.group = "#" + CSS.escape(anc.id) + middle + tc;
    }
    return out;
  };
  const lang = ((document.documentElement.lang || "").slice(0, 2) || "").toLowerCase();
  const features = (el) => ({
    tag: tagOf(el), role: role(el), id: el.id || "", classes: classes(el), name: el.getAttribute("name") || "",
    type: (el.getAttribute("type") || "").toLowerCase(), hidden: hidden(el), lang,
    words: {label: label(el), text: text(el), heading: heading(el), before: near(el.previousElementSibling),
      after: near(el.nextElementSibling)},
    selectors: selectors(el),
  });
  const count = (css) => { try { return document.querySelectorAll(css).length; } catch (e) { return 0; } };
  const found = {};
  const claimed = new Map();
  for (const [name, candidates] of Object.entries(arg.elements)) {
    found[name] = null;
    for (const css of candidates) {
      const n = count(css);
      if (n > 0) {
        const el = document.querySelector(css);
        found[name] = {selector: css, count: n, features: features(el)};
        claimed.set(el, [...(claimed.get(el) || []), name]);
        break;
      }
    }
  }
  const pool = [];
  if (arg.pool) {
    for (const el of document.body.querySelectorAll("*")) {
      if (SKIP.has(tagOf(el)) || el.closest("svg, script, style, template")) continue;
      pool.push({...features(el), claimed_by: claimed.get(el) || []});
      if (pool.length >= arg.limit) break;
    }
  }
  return {lang, found, pool};
}
