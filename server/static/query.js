// Starts YASGUI on the query page, pointed at this server's endpoint, with the example queries.
(function () {
  "use strict";
  var element = document.getElementById("yasgui");
  if (!element || typeof Yasgui === "undefined") return;
  var endpoint = element.dataset.endpoint;
  var yasgui = new Yasgui(element, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    // our endpoint only: the default catalogue lists public endpoints elsewhere
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    persistenceId: "kg-yasgui",
    // no autocompleters that call remote services (LOV): the page must work offline
    yasqe: { autocompleters: ["prefixes", "variables"] },
  });
  var tab = yasgui.getTab();
  if (tab && tab.getEndpoint() !== endpoint) tab.setEndpoint(endpoint);
  document.querySelectorAll("button.example").forEach(function (button) {
    button.addEventListener("click", function () {
      var current = yasgui.getTab();
      current.setQuery(KG_EXAMPLES[Number(button.dataset.example)]);
      current.query();
    });
  });
  window.kgYasgui = yasgui;
})();
