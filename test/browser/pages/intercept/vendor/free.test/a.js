(window.runs = window.runs || []).push(document.currentScript.src.split('/vendor/')[1]);
