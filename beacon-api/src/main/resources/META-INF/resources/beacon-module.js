/*! beacon-module.js: beacon.js as an ES module (a .js name, which every server serves as JavaScript, as modules require).
 * import beacon from '/app/beacon-module.js'; beacon.configure({endpoint: '/app/beacon/events'}); */
import './beacon.js';

export default globalThis.beacon;
