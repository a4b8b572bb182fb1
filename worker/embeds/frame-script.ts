/**
 * The only script of the embed card: tells the parent page the card's height whenever it
 * changes, so the widget (or any host) can size the iframe. It is constant, so the card's CSP
 * allows it by hash (a nonce would be frozen into cached copies). test/embeds checks the hash.
 */
export const FRAME_SCRIPT =
  '(function(){var d=document,last=0;function send(){var h=Math.ceil(d.documentElement.getBoundingClientRect().height);' +
  "if(h!==last&&window.parent!==window){last=h;window.parent.postMessage({type:'claimdesk:height',claim:d.body.getAttribute('data-claim'),height:h},'*');}}" +
  "if(window.ResizeObserver){new ResizeObserver(send).observe(d.documentElement);}window.addEventListener('load',send);send();})();";

/** CSP source for FRAME_SCRIPT: `'sha256-…'` of its exact text. */
export const FRAME_SCRIPT_HASH = "'sha256-bHPaGBSBOXy+iZAgpYi7w4PWP63qkuoOTH3j8NZOa4c='";
