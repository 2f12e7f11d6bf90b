'use strict';
// Polls the console's state and draws it. Every text from the server is set as text, never as markup: fault
// descriptions come from reports, which anyone can send.
(function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const POLL_MS = 5000;
  const HOUR_SECONDS = 3600;
  const number = new Intl.NumberFormat();

  function element(name, attributes, text) {
    const made = name === 'svg' || name === 'rect' ? document.createElementNS(SVG, name) : document.createElement(name);
    Object.entries(attributes || {}).forEach(([key, value]) => made.setAttribute(key, value));
    if (text !== undefined) {
      made.textContent = text;
    }
    return made;
  }

  // One bar per slot, the newest at the right edge, so that an hour of history and its first minute read alike.
  function bars(stacks, slots, width, height, most) {
    const slot = width / slots;
    const drawn = [];
    stacks.forEach((stack, i) => {
      let top = height;
      const x = (width - (stacks.length - i) * slot).toFixed(2);
      stack.forEach(([series, value]) => {
        const tall = value / most * (height - 1);
        if (tall > 0) {
          top -= tall;
          drawn.push(element('rect', { class: series, x: x, y: top.toFixed(2), width: Math.max(slot - 0.5, 0.5).toFixed(2), height: tall.toFixed(2) }));
        }
      });
    });
    return drawn;
  }

  function refusedIn(interval) {
    return Object.values(interval.refused).reduce((sum, count) => sum + count, 0);
  }

  function drawRates(state) {
    const intervals = state.intervals;
    const accepted = intervals.reduce((sum, interval) => sum + interval.accepted, 0);
    const byStatus = {};
    intervals.forEach(interval => Object.entries(interval.refused).forEach(([status, count]) => {
      byStatus[status] = (byStatus[status] || 0) + count;
    }));
    const totals = document.getElementById('totals');
    totals.replaceChildren();
    const add = (label, value, id) => {
      const pair = element('div', { id: id });
      pair.append(element('dt', {}, label), element('dd', {}, number.format(value)));
      totals.append(pair);
    };
    add('accepted', accepted, 'accepted-total');
    Object.keys(byStatus).sort().forEach(status => add('refused ' + status, byStatus[status], 'refused-' + status));

    const chart = document.getElementById('rates');
    const most = Math.max(1, ...intervals.map(interval => interval.accepted + refusedIn(interval)));
    const slots = Math.max(intervals.length, HOUR_SECONDS / state.tickSeconds);
    chart.replaceChildren(...bars(intervals.map(interval => [['accepted', interval.accepted], ['refused', refusedIn(interval)]]), slots, 720, 160, most));
    const legend = document.getElementById('rates-legend');
    legend.replaceChildren(element('span', { class: 'swatch accepted' }), 'accepted', element('span', { class: 'swatch refused' }), 'refused',
      ' \u2014 per ' + state.tickSeconds + ' s, at most ' + number.format(most));
  }

  function drawFaults(state) {
    const note = document.getElementById('faults-note');
    if (state.rollupWindowSeconds === 0) {
      note.textContent = 'Reports are not rolled up: set beacon.reports.rollup-window to see the faults they tell of.';
    } else {
      note.textContent = 'Over the last ' + state.windowEnds.length + ' windows of ' + state.rollupWindowSeconds + ' s.';
    }
    const body = document.querySelector('#faults tbody');
    body.replaceChildren();
    state.faults.forEach(fault => {
      const row = element('tr', { 'data-fingerprint': fault.fingerprint });
      const spark = element('svg', { class: 'sparkline', viewBox: '0 0 120 24', preserveAspectRatio: 'none', role: 'img',
        'aria-label': fault.perWindow.join(', ') });
      spark.append(...bars(fault.perWindow.map(count => [['refused', count]]), fault.perWindow.length, 120, 24, Math.max(1, ...fault.perWindow)));
      const sparkCell = element('td');
      sparkCell.append(spark);
      row.append(element('td', { class: 'count' }, number.format(fault.total)), sparkCell, element('td', {}, fault.type),
        element('td', { class: 'fault', title: fault.fingerprint }, fault.description), element('td', {}, fault.endpoint));
      body.append(row);
    });
  }

  async function poll() {
    try {
      const answer = await fetch('data', { cache: 'no-store', credentials: 'same-origin' });
      if (!answer.ok) {
        throw new Error('the server answered ' + answer.status);
      }
      const state = await answer.json();
      drawRates(state);
      drawFaults(state);
      document.getElementById('updated').textContent = 'Updated ' + new Date(state.now).toLocaleTimeString();
    } catch (failure) {
      document.getElementById('updated').textContent = 'Not updated: ' + failure.message;
    } finally {
      setTimeout(poll, POLL_MS);
    }
  }

  poll();
})();
