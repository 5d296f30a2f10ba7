// Network view: fetch /api/network with the page's filters and draw actors (circles sized by events)
// linked by events (lines weighted by count, coloured by PLOVER family). A small force layout, no library.
(function () {
  "use strict";
  var svg = document.getElementById("network");
  if (!svg) return;
  var NS = "http://www.w3.org/2000/svg";
  var W = 900, H = 600;
  var MAX_NODES = 45; // the most connected actors; the table below lists every link
  var MAX_LABELS = 28;
  var COOP = ["AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID"];
  var RETREAT = ["CONCEDE", "RETREAT"];
  var HAPPENED = ["asserted", "reported"];
  var css = getComputedStyle(document.documentElement);
  function colour(type) {
    if (COOP.indexOf(type) >= 0) return css.getPropertyValue("--coop").trim();
    if (RETREAT.indexOf(type) >= 0) return css.getPropertyValue("--retreat").trim();
    return css.getPropertyValue("--conflict").trim();
  }
  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  // Deterministic pseudo-random start positions, so the same data draws the same picture.
  var seed = 7;
  function rand() { seed = (seed * 16807) % 2147483647; return seed / 2147483647; }

  function layout(nodes, links) {
    var n = nodes.length;
    nodes.forEach(function (d, i) {
      var a = 2 * Math.PI * i / n;
      d.x = W / 2 + (W / 3) * Math.cos(a) + rand() * 10;
      d.y = H / 2 + (H / 3) * Math.sin(a) + rand() * 10;
      d.vx = 0; d.vy = 0;
    });
    var k = Math.sqrt((W * H) / Math.max(n, 1)) * 0.6;
    for (var it = 0; it < 300; it++) {
      var t = 1 - it / 300;
      for (var i = 0; i < n; i++) {
        for (var j = i + 1; j < n; j++) {
          var a = nodes[i], b = nodes[j];
          var dx = a.x - b.x, dy = a.y - b.y, d2 = dx * dx + dy * dy + 0.01;
          var f = (k * k) / d2;
          a.vx += dx * f * 0.02; a.vy += dy * f * 0.02;
          b.vx -= dx * f * 0.02; b.vy -= dy * f * 0.02;
        }
      }
      links.forEach(function (l) {
        var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) + 0.01;
        var f = (d - k) / d * 0.05;
        l.s.vx += dx * f; l.s.vy += dy * f; l.t.vx -= dx * f; l.t.vy -= dy * f;
      });
      nodes.forEach(function (d) {
        d.vx += (W / 2 - d.x) * 0.02; d.vy += (H / 2 - d.y) * 0.02;
        var sp = Math.sqrt(d.vx * d.vx + d.vy * d.vy), cap = 30 * t + 1;
        if (sp > cap) { d.vx *= cap / sp; d.vy *= cap / sp; }
        d.x = Math.max(70, Math.min(W - 70, d.x + d.vx));
        d.y = Math.max(36, Math.min(H - 24, d.y + d.vy));
        d.vx *= 0.5; d.vy *= 0.5;
      });
    }
  }

  function draw(data) {
    var byId = {};
    var ranked = data.nodes.slice().sort(function (a, b) { return b.events - a.events; });
    var kept = ranked.slice(0, MAX_NODES);
    kept.forEach(function (d, i) { byId[d.id] = d; d.rank = i; });
    data.nodes = kept;
    data.edges = data.items.filter(function (e) { return byId[e.source] && byId[e.target]; });
    if (ranked.length > MAX_NODES) {
      var note = document.getElementById("network-note");
      if (note) {
        note.textContent = "Showing the " + MAX_NODES + " most connected of " + ranked.length +
          " actors; narrow the filters to see the others. The table lists every link.";
        note.hidden = false;
      }
    }
    H = data.nodes.length > 25 ? 720 : 600;
    svg.setAttribute("viewBox", "0 0 " + W + " " + H);
    // One drawn link per ordered pair; its colour is its most frequent type, and it is dashed when
    // none of its events happened (all planned, negated or hypothetical).
    var pairs = {};
    data.edges.forEach(function (e) {
      var key = e.source + "\u0000" + e.target;
      var p = pairs[key] || (pairs[key] = { s: byId[e.source], t: byId[e.target], count: 0, happened: 0, types: [] });
      p.count += e.count;
      if (HAPPENED.indexOf(e.modality) >= 0) p.happened += e.count;
      p.types.push(e);
    });
    var links = Object.keys(pairs).map(function (k) { return pairs[k]; });
    layout(data.nodes, links);
    var maxCount = Math.max.apply(null, links.map(function (l) { return l.count; }).concat([1]));
    var maxEvents = Math.max.apply(null, data.nodes.map(function (d) { return d.events; }).concat([1]));

    var defs = el("defs", {}, svg);
    ["coop", "retreat", "conflict"].forEach(function (name) {
      var m = el("marker", { id: "arrow-" + name, viewBox: "0 0 10 10", refX: 10, refY: 5,
        markerUnits: "userSpaceOnUse", markerWidth: 11, markerHeight: 11, orient: "auto" }, defs);
      el("path", { d: "M0,0 L10,5 L0,10 z", fill: css.getPropertyValue("--" + name).trim() }, m);
    });
    var gEdges = el("g", {}, svg), gNodes = el("g", {}, svg);
    function radius(d) { return 6 + 14 * Math.sqrt(d.events / maxEvents); }
    links.forEach(function (l) {
      l.types.sort(function (a, b) { return b.count - a.count; });
      var main = l.types[0].type;
      var fam = COOP.indexOf(main) >= 0 ? "coop" : RETREAT.indexOf(main) >= 0 ? "retreat" : "conflict";
      var dx = l.t.x - l.s.x, dy = l.t.y - l.s.y, d = Math.sqrt(dx * dx + dy * dy) || 1;
      var r = radius(l.t) + 3;
      // Curve a little so that A→B and B→A do not overlap.
      var mx = (l.s.x + l.t.x) / 2 - dy * 0.12, my = (l.s.y + l.t.y) / 2 + dx * 0.12;
      var ex = l.t.x - (l.t.x - mx) / Math.hypot(l.t.x - mx, l.t.y - my) * r;
      var ey = l.t.y - (l.t.y - my) / Math.hypot(l.t.x - mx, l.t.y - my) * r;
      var path = el("path", {
        "class": l.happened ? "edge" : "edge not-happened", d: "M" + l.s.x + "," + l.s.y + " Q" + mx + "," + my + " " + ex + "," + ey,
        stroke: colour(main), "stroke-width": 1.5 + 5 * l.count / maxCount, "marker-end": "url(#arrow-" + fam + ")"
      }, gEdges);
      var title = el("title", {}, path);
      title.textContent = l.s.name + " → " + l.t.name + ": " +
        l.types.map(function (e) {
          return e.type + (HAPPENED.indexOf(e.modality) >= 0 ? "" : " (" + e.modality + ")") + " ×" + e.count;
        }).join(", ");
    });
    data.nodes.forEach(function (d) {
      var a = el("a", { href: "/actors/" + encodeURIComponent(d.id), "class": "node" }, gNodes);
      el("circle", { cx: d.x, cy: d.y, r: radius(d), fill: d.sector === "GOV" ? "#1a4f8b" : "#5f6b7a" }, a);
      // Labels near the sides grow inwards so that they stay inside the picture.
      var anchor = d.x < W * 0.2 ? "start" : d.x > W * 0.8 ? "end" : "middle";
      var lx = anchor === "start" ? d.x - radius(d) : anchor === "end" ? d.x + radius(d) : d.x;
      if (d.rank < MAX_LABELS) {
        var label = el("text", { x: lx, y: d.y - radius(d) - 4, "text-anchor": anchor }, a);
        label.textContent = d.name.length > 26 ? d.name.slice(0, 25) + "…" : d.name;
      }
      var title = el("title", {}, a);
      title.textContent = d.name + (d.country ? " (" + d.country + ")" : "") + ": " + d.events + " event links";
    });
    svg.setAttribute("data-ready", "true");
  }

  // The page's own filters, with the modality it chose by default ("happened").
  var query = svg.getAttribute("data-query") || window.location.search;
  fetch("/api/network" + query, { headers: { Accept: "application/json" } })
    .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
    .then(draw)
    .catch(function (err) {
      var t = el("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, svg);
      t.textContent = "Could not load the network: " + err.message;
    });
})();
