/* Hữu Nghị Press: the search page, over Pagefind's JavaScript API (plugins/search).
   Interface strings come from the page (data-text-* attributes, translated by the catalogs).
   Without this script the page says search needs JavaScript and links to the archives. */
(function () {
  "use strict";
  var PAGE_SIZE = 10;

  function start() {
    var root = document.querySelector("[data-search]");
    if (!root) { return; }
    var form = root.querySelector("[data-search-form]");
    var input = root.querySelector("#search-query");
    var status = root.querySelector("[data-search-status]");
    var list = root.querySelector("[data-search-results]");
    var more = root.querySelector("[data-search-more]");
    var selects = root.querySelectorAll("select[data-filter]");
    var text = function (name) { return root.getAttribute("data-text-" + name) || ""; };
    var pagefind = null, results = [], shown = 0, serial = 0, timer = null;

    root.querySelector("[data-search-nojs]").hidden = true;
    form.hidden = false;

    function fill(template, values) {
      return template.replace(/\{(\w+)\}/g, function (all, key) {
        return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : all;
      });
    }
    function formatNumber(n) {
      try { return new Intl.NumberFormat(root.getAttribute("data-lang")).format(n); } catch (e) { return String(n); }
    }

    /* Pagefind's excerpt is HTML with <mark> around matches: keep only text and marks. */
    function excerptNodes(html, target) {
      var doc = new DOMParser().parseFromString("<p>" + html + "</p>", "text/html");
      var walk = function (node) {
        for (var child = node.firstChild; child; child = child.nextSibling) {
          if (child.nodeType === 3) {
            target.appendChild(document.createTextNode(child.nodeValue));
          } else if (child.nodeType === 1 && child.nodeName === "MARK") {
            var mark = document.createElement("mark");
            mark.textContent = child.textContent;
            target.appendChild(mark);
          } else if (child.nodeType === 1) {
            walk(child);
          }
        }
      };
      walk(doc.body);
    }

    /* A match found in the folded copy of a page (plugins/search, index-only text: the page's
       words with "đ", folded, in their order) is shown in the page's own words: the n-th
       "dong" of the copy is taken for the n-th word of the text that folds to "dong". */
    function foldWord(word) {
      return decode(word).replace(/\u0111/g, "d").replace(/\u0110/g, "D").normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
    }
    function decode(word) {
      return word.replace(/&(amp|lt|gt|quot|#39|#x27);/g, function (all, name) {
        return { amp: "&", lt: "<", gt: ">", quot: "\"", "#39": "'", "#x27": "'" }[name];
      });
    }
    function originalExcerpt(item) {
      var meta = item.meta || {};
      var copy = parseInt(meta.folded, 10), symbols = parseInt(meta.symbols, 10) || 0;
      var words = (item.content || "").split(/[\r\n\s]+/g);
      var copyStart = words.length - symbols - copy;
      if (!copy || !item.locations || copyStart <= 0) { return null; }
      var folded = words.map(foldWord);
      var found = {};
      item.locations.forEach(function (at) {
        if (at < copyStart) { found[at] = true; return; }
        if (at >= copyStart + copy) { return; }
        var rank = 0, first = -1, best = -1;
        for (var k = copyStart; k < at; k++) { if (folded[k] === folded[at]) { rank++; } }
        for (var j = 0; j < copyStart && best < 0; j++) {
          if (folded[j] !== folded[at]) { continue; }
          if (first < 0) { first = j; }
          if (rank-- === 0) { best = j; }
        }
        if (best < 0) { best = first; }
        if (best >= 0) { found[best] = true; }
      });
      var marks = Object.keys(found).map(Number).sort(function (a, b) { return a - b; });
      if (!marks.length) { return null; }
      var start = Math.max(0, marks[0] - 10), end = Math.min(copyStart, start + 30);
      var fragment = document.createDocumentFragment();
      if (start > 0) { fragment.appendChild(document.createTextNode("… ")); }
      for (var i = start; i < end; i++) {
        var word = decode(words[i]);
        if (found[i]) {
          var mark = document.createElement("mark");
          mark.textContent = word;
          fragment.appendChild(mark);
        } else {
          fragment.appendChild(document.createTextNode(word));
        }
        fragment.appendChild(document.createTextNode(i + 1 < end ? " " : ""));
      }
      if (end < copyStart) { fragment.appendChild(document.createTextNode(" …")); }
      return fragment;
    }

    function load() {
      if (!pagefind) {
        var bundle = root.getAttribute("data-bundle");  /* one language: plugins/search/languages.py */
        if (!bundle) { pagefind = Promise.reject(new Error("no search index")); return pagefind; }
        pagefind = import(bundle + "pagefind.js").then(function (module) {
          var base = new URL(root.getAttribute("data-base") || "/", window.location.href).pathname;
          return Promise.resolve(module.options({ excerptLength: 30, baseUrl: base })).then(function () {
            return Promise.resolve(module.init && module.init());
          }).then(function () { return module; });
        });
      }
      return pagefind;
    }

    function fillFilters(module) {
      return module.filters().then(function (filters) {
        selects.forEach(function (select) {
          var name = select.getAttribute("data-filter");
          var values = Object.keys(filters[name] || {}).sort(function (a, b) {
            return name === "year" ? b.localeCompare(a) : a.localeCompare(b, root.getAttribute("data-lang"));
          });
          var all = document.createElement("option");
          all.value = "";
          all.textContent = text("all");
          select.replaceChildren(all);
          values.forEach(function (value) {
            var option = document.createElement("option");
            option.value = value;
            option.textContent = value;
            select.appendChild(option);
          });
          var wrapper = select;
          wrapper.disabled = values.length === 0;
        });
      });
    }

    function chosenFilters() {
      var filters = {};
      selects.forEach(function (select) {
        if (select.value) { filters[select.getAttribute("data-filter")] = select.value; }
      });
      return filters;
    }

    function render(item) {
      var li = document.createElement("li");
      li.className = "search-result";
      var title = document.createElement("h2");
      title.className = "search-result__title";
      var link = document.createElement("a");
      link.href = item.url;
      link.textContent = (item.meta && item.meta.title) || item.url;
      title.appendChild(link);
      li.appendChild(title);
      var meta = document.createElement("p");
      meta.className = "search-result__meta";
      if (item.meta && item.meta.date) {
        var date = document.createElement("span");
        date.textContent = item.meta.date;
        meta.appendChild(date);
      }
      if (item.meta && item.meta.language) {
        var language = document.createElement("span");
        language.className = "search-result__lang";
        language.textContent = item.meta.language;
        meta.appendChild(language);
      }
      if (meta.childNodes.length) { li.appendChild(meta); }
      var excerpt = document.createElement("p");
      excerpt.className = "search-result__excerpt";
      var own = originalExcerpt(item);
      if (own) { excerpt.appendChild(own); } else { excerptNodes(item.excerpt || "", excerpt); }
      li.appendChild(excerpt);
      return li;
    }

    function showMore(mine) {
      var batch = results.slice(shown, shown + PAGE_SIZE);
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (items) {
        if (mine !== serial) { return; }
        items.forEach(function (item) { list.appendChild(render(item)); });
        shown += batch.length;
        more.hidden = shown >= results.length;
      });
    }

    function run() {
      var query = input.value.trim();
      var mine = ++serial;
      var filters = chosenFilters();
      if (!query) {
        list.replaceChildren();
        status.textContent = "";
        more.hidden = true;
        root.removeAttribute("data-state");
        return;
      }
      root.setAttribute("data-state", "searching");
      status.textContent = text("searching");
      load().then(function (module) {
        return module.search(query, { filters: filters });
      }).then(function (search) {
        if (mine !== serial || !search) { return; }
        results = search.results;
        shown = 0;
        list.replaceChildren();
        return showMore(mine).then(function () {
          if (mine !== serial) { return; }
          var count = results.length;
          var values = { count: formatNumber(count), query: query };
          status.textContent = fill(count === 0 ? text("none") : count === 1 ? text("one") : text("many"), values);
          root.setAttribute("data-state", "done");
        });
      }).catch(function () {
        if (mine !== serial) { return; }
        status.textContent = text("failed");
        root.setAttribute("data-state", "failed");
      });
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value.trim());
      history.replaceState(null, "", url);
      run();
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, 250);
    });
    selects.forEach(function (select) { select.addEventListener("change", run); });
    more.addEventListener("click", function () {
      var first = shown;
      showMore(serial).then(function () {
        var next = list.children[first];
        var link = next && next.querySelector("a");
        if (link) { link.focus(); }
      });
    });

    load().then(fillFilters).catch(function () {});
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) { input.value = initial; run(); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
