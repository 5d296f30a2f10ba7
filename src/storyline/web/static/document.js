// Document view: highlight the character range named in the URL fragment (#START-END, code-point
// offsets into the document text), toggle the kinds of marks, and show hover labels on touch screens.
(function () {
  "use strict";
  var box = document.getElementById("doc-text");
  if (!box) return;
  var banner = document.getElementById("hl-banner");
  var bannerText = document.getElementById("hl-text");

  function spans() { return Array.prototype.slice.call(box.querySelectorAll("span[data-s]")); }

  // Split the segment containing code-point offset `pos` so that a segment boundary falls on it.
  function splitAt(pos) {
    var list = spans();
    for (var i = 0; i < list.length; i++) {
      var el = list[i], s = +el.dataset.s, e = +el.dataset.e;
      if (s < pos && pos < e) {
        var chars = Array.from(el.textContent);
        var right = el.cloneNode(false);
        right.textContent = chars.slice(pos - s).join("");
        right.dataset.s = String(pos);
        el.textContent = chars.slice(0, pos - s).join("");
        el.dataset.e = String(pos);
        el.parentNode.insertBefore(right, el.nextSibling);
        return;
      }
    }
  }

  function clear() {
    spans().forEach(function (el) { el.classList.remove("hl"); });
    if (banner) banner.hidden = true;
  }

  function highlight() {
    clear();
    var m = /^#(\d+)-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    var start = +m[1], end = +m[2];
    if (end <= start) return;
    splitAt(start);
    splitAt(end);
    var first = null, text = "";
    spans().forEach(function (el) {
      if (+el.dataset.s >= start && +el.dataset.e <= end) {
        el.classList.add("hl");
        text += el.textContent;
        if (!first) first = el;
      }
    });
    if (!first) return;
    first.scrollIntoView({ block: "center" });
    if (banner) {
      var words = text.replace(/\s+/g, " ").trim();
      bannerText.textContent = "Highlighted: “" + (words.length > 140 ? words.slice(0, 139) + "…" : words) + "”";
      banner.hidden = false;
    }
  }

  var clearLink = document.getElementById("hl-clear");
  if (clearLink) clearLink.addEventListener("click", function (ev) {
    ev.preventDefault();
    history.replaceState(null, "", window.location.pathname + window.location.search);
    clear();
  });

  document.querySelectorAll(".toggles input[data-kind]").forEach(function (input) {
    input.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + input.dataset.kind, !input.checked);
    });
  });

  // Tap (or click) a marked span to see its label: `title` alone does nothing on phones.
  var tip = null;
  box.addEventListener("click", function (ev) {
    var el = ev.target.closest ? ev.target.closest("span[title]") : null;
    if (tip) { tip.remove(); tip = null; }
    if (!el) return;
    tip = document.createElement("div");
    tip.className = "tip";
    tip.textContent = el.getAttribute("title");
    document.body.appendChild(tip);
    var r = el.getBoundingClientRect();
    tip.style.left = Math.max(8, Math.min(r.left + window.scrollX, window.innerWidth - 330)) + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  });

  window.addEventListener("hashchange", highlight);
  highlight();
})();
