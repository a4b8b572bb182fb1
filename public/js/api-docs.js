// /api/docs: start Swagger UI (public/vendor/swagger-ui/, copied from swagger-ui-dist by
// scripts/vendor-assets.mjs) on the document named by the container. No inline script: the
// page's CSP allows scripts from this origin only.
(function () {
  'use strict';
  var root = document.getElementById('api-reference');
  if (!root || typeof window.SwaggerUIBundle !== 'function') return;
  window.SwaggerUIBundle({
    url: root.getAttribute('data-spec-url'),
    domNode: root,
    deepLinking: true,
    tryItOutEnabled: false,
    persistAuthorization: false,
    // Only our own API: no validator badge (it would call validator.swagger.io).
    validatorUrl: null,
    withCredentials: false,
  });
})();
