// Test page helper: other code adding a script, iframe or image by one path.
// Images report their load in window.runs; scripts and frames report themselves.
window.runs = window.runs || [];
var tail = function (src) { return src.split('/vendor/')[1]; };
document.addEventListener('load', function (e) {
  if (e.target.localName === 'img') runs.push(tail(e.target.currentSrc || e.target.src));
}, true);

window.inject = function (path, kind, url) {
  var box = document.getElementById('box');
  var el = document.createElement(kind);
  var markup = '<' + kind + ' src="' + url + '">' + (kind === 'img' ? '' : '</' + kind + '>');
  var spare = function () { var s = document.createElement('span'); box.appendChild(s); return s; };
  if (path !== 'appendFirst' && path !== 'srcset' && path !== 'setAttribute') el.src = url;
  switch (path) {
    case 'prop': return box.appendChild(el);
    case 'setAttribute': el.setAttribute('src', url); return box.appendChild(el);
    case 'srcset': el.srcset = url + ' 1x'; return box.appendChild(el);
    case 'appendFirst': box.appendChild(el); el.src = url; return;
    case 'insertBefore': return box.insertBefore(el, box.firstChild);
    case 'replaceChild': return box.replaceChild(el, spare());
    case 'insertAdjacentElement': return box.insertAdjacentElement('beforeend', el);
    case 'append': case 'prepend': return box[path](el);
    case 'before': case 'after': case 'replaceWith': return spare()[path](el);
    case 'innerHTML': return (spare().innerHTML = markup);
    case 'outerHTML': return (spare().outerHTML = markup);
    case 'insertAdjacentHTML': return box.insertAdjacentHTML('beforeend', markup);
    case 'domParser':
      return box.appendChild(new DOMParser().parseFromString(markup, 'text/html').querySelector(kind));
    case 'image':
      var img = new Image();
      img.onload = function () { runs.push(tail(img.src)); };
      img.src = url;
      return;
  }
  throw new Error('no such path: ' + path);
};
