// The map page: country shapes (world-atlas, Natural Earth 1:110m) and a point per place events
// happened in, each linked to the sentences it stands for. Reads the points from the page's list
// (#map-points li: data-lat, data-lon, data-name, data-count, and its links); no inline script.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  var list = document.getElementById("map-points");
  if (!svg || !list || !window.d3 || !window.topojson) return;
  var NS = "http://www.w3.org/2000/svg";
  var width = 960, height = 500;
  var projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: "Sphere" });
  var path = d3.geoPath(projection);

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function drawPoints() {
    var layer = el("g", { "class": "map-points" }, svg);
    list.querySelectorAll("li[data-lat]").forEach(function (item) {
      var lat = parseFloat(item.dataset.lat), lon = parseFloat(item.dataset.lon);
      var xy = projection([lon, lat]);
      if (!xy || isNaN(xy[0])) return;
      var link = item.querySelector("a");
      var a = el("a", { href: link ? link.getAttribute("href") : "#" }, layer);
      var count = parseInt(item.dataset.count || "1", 10);
      var r = Math.min(14, 3 + 2 * Math.sqrt(count));
      el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1), "class": "map-point" }, a);
      el("title", {}, a).textContent = item.dataset.name + " — " + count + (count === 1 ? " event" : " events");
    });
  }

  el("path", { d: path({ type: "Sphere" }), "class": "map-sphere" }, svg);
  fetch(svg.getAttribute("data-atlas"))
    .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
    .then(function (world) {
      var countries = topojson.feature(world, world.objects.countries).features;
      var g = el("g", { "class": "map-countries" }, svg);
      countries.forEach(function (c) { el("path", { d: path(c) || "" }, g); });
      drawPoints();
    })
    .catch(function () { drawPoints(); });
})();
