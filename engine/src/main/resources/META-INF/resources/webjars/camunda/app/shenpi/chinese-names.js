// People's names in Chinese order. Camunda 7.24 writes a name as `firstName + " " + lastName`
// (header, task list, task, Cockpit, Admin's user page): 张敏 (family name 张) shows as "敏 张".
// This learns each person's name from the apps' own answers (user profiles and user lists) and
// rewrites the text the apps show to family name first, without a space, for names in Chinese
// characters; Latin names keep their order. Only shown text changes: form inputs (Admin's profile
// editor) and what is stored keep first and last name apart.
const HAN = /[\u3400-\u9fff]/;
const USER_URL = /\/user(?:\/[^/?#]+\/profile)?(?:[?#]|$)/;
/** "敏 张" → "张敏" */
const shown = new Map();

function learn(data) {
  if (Array.isArray(data)) return data.reduce((learned, item) => learn(item) || learned, false);
  if (!data || typeof data !== 'object') return false;
  const { firstName, lastName } = data;
  if (typeof firstName !== 'string' || typeof lastName !== 'string' || !firstName || !lastName) return false;
  if (!HAN.test(firstName + lastName) || shown.has(`${firstName} ${lastName}`)) return false;
  shown.set(`${firstName} ${lastName}`, `${lastName}${firstName}`);
  return true;
}

function fix(node) {
  let text = node.nodeValue;
  if (!text || !text.includes(' ')) return;
  for (const [western, chinese] of shown) if (text.includes(western)) text = text.split(western).join(chinese);
  if (text !== node.nodeValue) node.nodeValue = text;
}

function sweep(root) {
  if (root.nodeType === Node.TEXT_NODE) return fix(root);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) fix(node);
}

function learned(data) {
  if (learn(data)) sweep(document.documentElement);
}

// the apps ask through AngularJS's $http (XMLHttpRequest); Cockpit's newer parts use fetch
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'GET' && USER_URL.test(String(url))) {
    this.addEventListener('load', () => {
      try {
        learned(this.responseType === 'json' ? this.response : JSON.parse(this.responseText));
      } catch {
        // not JSON: nothing to learn
      }
    });
  }
  return open.call(this, method, url, ...rest);
};
const fetchOriginal = window.fetch;
window.fetch = function (input, init) {
  const answer = fetchOriginal.call(this, input, init);
  const url = typeof input === 'string' ? input : input instanceof Request ? input.url : String(input);
  if (USER_URL.test(url) && (!init || !init.method || init.method.toUpperCase() === 'GET')) {
    answer.then((response) => response.clone().json()).then(learned, () => undefined);
  }
  return answer;
};

new MutationObserver((mutations) => {
  if (shown.size === 0) return;
  for (const mutation of mutations) {
    if (mutation.type === 'characterData') fix(mutation.target);
    else mutation.addedNodes.forEach(sweep);
  }
}).observe(document.documentElement, { childList: true, subtree: true, characterData: true });
