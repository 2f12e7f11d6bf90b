// Each line makes Chromium report something through the Reporting API (a file, not inline: the page's
// policy allows scripts from 'self' only).
addEventListener('unload', () => {});                          // deprecation: UnloadHandler
const xhr = new XMLHttpRequest();                              // deprecation: a synchronous XHR
xhr.open('GET', 'reporting.js', false);
xhr.send();
navigator.vibrate?.(100);                                      // intervention: no user gesture yet (Firefox has no vibrate)
navigator.geolocation.getCurrentPosition(() => {}, () => {});  // permissions-policy-violation: geolocation=()
document.getElementById('triggered').textContent = 'Deprecated APIs, vibrate and geolocation used.';
