// The search page: carry ?q= from the header's search form (which works without
// JavaScript) into Pagefind's search box, and keep ?q= in step with what is typed, so that
// reloading, sharing or going back shows the same results.
(function () {
  "use strict";

  var params = new URLSearchParams(window.location.search);
  var initial = (params.get("q") || "").trim();

  function remember(value) {
    var url = new URL(window.location.href);
    if (value) {
      url.searchParams.set("q", value);
    } else {
      url.searchParams.delete("q");
    }
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }

  function connect(input) {
    if (initial) {
      input.value = initial;
      // The component searches on input events, as if the words had been typed.
      input.dispatchEvent(new Event("input", { bubbles: true }));
    }
    input.addEventListener("input", function () {
      remember(input.value.trim());
    });
  }

  function whenInputExists(host) {
    var input = host.querySelector("input");
    if (input) {
      connect(input);
      return;
    }
    // The component draws its input after it is defined and connected.
    var observer = new MutationObserver(function () {
      var drawn = host.querySelector("input");
      if (drawn) {
        observer.disconnect();
        connect(drawn);
      }
    });
    observer.observe(host, { childList: true, subtree: true });
  }

  function start() {
    var host = document.querySelector("pagefind-input");
    if (!host || !window.customElements) {
      return;
    }
    // Pagefind's Swedish label says "this page"; the box searches the whole archive.
    var components = window.PagefindComponents;
    if (components && components.getInstanceManager) {
      var instance = components.getInstanceManager().getInstance("default");
      instance.setTranslations({
        search_label: "Sök bland möten, beslut och åtgärder",
      });
      // The index is built in parts (one per period of meetings); the first is Pagefind's
      // own, the others are merged into it. Pagefind loads on the first search or focus,
      // after this has run.
      var config = document.querySelector("pagefind-config");
      var merge = ((config && config.getAttribute("data-merge")) || "").split(" ");
      instance.options.mergeIndex = merge.filter(Boolean).map(function (path) {
        return { bundlePath: path };
      });
    }
    window.customElements.whenDefined("pagefind-input").then(function () {
      whenInputExists(host);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
