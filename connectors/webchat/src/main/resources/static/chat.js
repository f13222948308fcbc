/*
 * Web chat of the IT service desk: talks to /api/chat/sessions (see SPEC.md, "Web chat").
 * Plain script, no build step, no eval, no inline code: the page runs under "default-src 'self'".
 * Everything the server sends is shown with textContent only; agent answers may contain hostile HTML.
 */
(function () {
  'use strict';

  var SESSION_KEY = 'servicedesk.webchat.sessionId';
  var STARTED_CODE_KEY = 'servicedesk.webchat.startedCode';
  var POLL_INTERVAL_MS = 3000;
  var POLL_INTERVAL_HIDDEN_MS = 15000;
  var CODE_FORMAT = /^[A-Za-z0-9]{5}-?[A-Za-z0-9]{5}$/;
  /* Option ids of the dialog that step around a question rather than answer it. */
  var NAVIGATION_OPTIONS = ['back', 'cancel', 'skip'];
  var API = new URL('api/chat/sessions', document.baseURI).pathname;

  var TEXT = {
    unreachable: 'Der Servicedesk-Chat ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Internetverbindung ' +
      'und versuchen Sie es gleich noch einmal.',
    keptInInput: 'Ihre Nachricht steht noch im Eingabefeld.',
    unreachablePoll: 'Der Servicedesk-Chat ist gerade nicht erreichbar. Ich versuche es automatisch weiter.',
    failed: 'Das hat leider nicht geklappt. Bitte versuchen Sie es noch einmal.',
    sessionExpired: 'Ihre frühere Chat-Sitzung ist abgelaufen. Bitte melden Sie sich bei Bedarf erneut mit ' +
      '„/start“ und dem Einschreibecode an.',
    confirmReset: 'Chat auf diesem Gerät beenden? Der Verlauf wird hier gelöscht, Ihre Tickets bleiben erhalten. ' +
      'Danach melden Sie sich mit einem Einschreibecode neu an.',
    you: 'Sie:',
    bot: 'Servicedesk:',
    options: 'Antwortmöglichkeiten'
  };

  var log = document.getElementById('chat-log');
  var form = document.getElementById('chat-form');
  var input = document.getElementById('chat-input');
  var statusLine = document.getElementById('chat-status');
  var resetButton = document.getElementById('chat-reset');

  var sessionId = readStorage(SESSION_KEY);
  /* Highest message id read by polling: every bot message of this chat up to it has been seen. */
  var cursor = 0;
  /* Ids above the cursor already shown because they came with the answer to a sent message. */
  var shown = new Set();
  var polling = false;
  var pollTimer = null;
  /* Sends run one after another, so the dialog gets the user's inputs in the order they were made. */
  var queue = Promise.resolve();

  function enqueue(task) {
    queue = queue.then(task, task);
    return queue;
  }

  // ---------------------------------------------------------------- storage (may be unavailable)

  function readStorage(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  function writeStorage(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (e) {
      // private mode or storage disabled: the chat still works until the page is reloaded
    }
  }

  // ---------------------------------------------------------------- HTTP

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function request(method, path, body) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, cache: 'no-store' };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(API + path, init).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (json) {
        if (!response.ok) {
          var message = json && typeof json.error === 'string' ? json.error : null;
          throw new ApiError(response.status, message);
        }
        return json;
      });
    });
  }

  function isUnreachable(error) {
    return !(error instanceof ApiError) || error.status >= 500;
  }

  function setSession(id) {
    sessionId = id;
    cursor = 0;
    shown.clear();
    writeStorage(SESSION_KEY, id);
    writeStorage(STARTED_CODE_KEY, null);
    resetButton.hidden = id === null;
  }

  function ensureSession() {
    if (sessionId) {
      return Promise.resolve(sessionId);
    }
    return request('POST', '').then(function (json) {
      setSession(json.sessionId);
      return sessionId;
    });
  }

  function messagesPath() {
    return '/' + encodeURIComponent(sessionId) + '/messages';
  }

  /* Sends one input; a session the server no longer knows is replaced once and the input sent again. */
  function post(body, retried) {
    return ensureSession().then(function () {
      return request('POST', messagesPath(), body);
    }).catch(function (error) {
      if (error instanceof ApiError && error.status === 404 && !retried) {
        setSession(null);
        return post(body, true);
      }
      throw error;
    });
  }

  // ---------------------------------------------------------------- rendering

  function scrollToEnd() {
    log.scrollTop = log.scrollHeight;
  }

  function bubble(kind, text) {
    var item = document.createElement('div');
    item.className = 'msg ' + kind;
    var who = document.createElement('span');
    who.className = 'sr-only';
    who.textContent = kind === 'user' ? TEXT.you : TEXT.bot;
    var body = document.createElement('p');
    body.className = 'msg-text';
    body.textContent = text;
    item.appendChild(who);
    item.appendChild(body);
    return item;
  }

  var timeFormat = new Intl.DateTimeFormat('de-DE', { hour: '2-digit', minute: '2-digit' });
  var dateTimeFormat = new Intl.DateTimeFormat('de-DE',
    { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' });

  function timeElement(iso) {
    var date = new Date(iso);
    if (isNaN(date.getTime())) {
      return null;
    }
    var time = document.createElement('time');
    time.className = 'msg-time';
    time.dateTime = iso;
    var today = new Date().toDateString() === date.toDateString();
    time.textContent = (today ? timeFormat : dateTimeFormat).format(date);
    return time;
  }

  function disableOptions(except) {
    var groups = log.querySelectorAll('.options');
    for (var i = 0; i < groups.length; i++) {
      if (groups[i] !== except) {
        setGroupDisabled(groups[i], true);
      }
    }
  }

  function setGroupDisabled(group, disabled) {
    var buttons = group.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = disabled;
    }
  }

  function renderBot(message) {
    var item = bubble('bot', typeof message.text === 'string' ? message.text : '');
    item.setAttribute('data-id', String(message.id));
    var group = null;
    var options = Array.isArray(message.options) ? message.options : [];
    if (options.length > 0) {
      group = document.createElement('div');
      group.className = 'options';
      group.setAttribute('role', 'group');
      group.setAttribute('aria-label', TEXT.options);
      options.forEach(function (option) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = option.label;
        button.setAttribute('data-option-id', String(option.id));
        button.addEventListener('click', function () {
          choose(group, button, String(option.id), String(option.label));
        });
        group.appendChild(button);
      });
      item.appendChild(group);
      // a new question supersedes the buttons of earlier ones
      disableOptions(group);
    }
    var time = timeElement(message.at);
    if (time) {
      item.appendChild(time);
    }
    log.appendChild(item);
    return group;
  }

  /* Shows bot messages not shown yet; returns the options group of the last one, if it has any. */
  function renderAll(messages) {
    var lastGroup = null;
    messages.forEach(function (message) {
      var id = Number(message.id);
      if (id <= cursor || shown.has(id)) {
        return;
      }
      shown.add(id);
      lastGroup = renderBot(message);
    });
    if (messages.length > 0) {
      scrollToEnd();
    }
    return lastGroup;
  }

  function showStatus(text) {
    statusLine.textContent = text || '';
  }

  // ---------------------------------------------------------------- sending

  /*
   * After a reply: to the first answer button when the bot asks for a choice; back to the input when it expects
   * text (its only buttons are then ways around the question: back, cancel, skip).
   */
  function focusAfterReply(messages) {
    var last = messages.length > 0 ? messages[messages.length - 1] : null;
    if (last !== null) {
      var item = log.querySelector('.msg.bot[data-id="' + CSS.escape(String(last.id)) + '"]');
      var buttons = item ? item.querySelectorAll('.options button:not(:disabled)') : [];
      for (var i = 0; i < buttons.length; i++) {
        if (NAVIGATION_OPTIONS.indexOf(buttons[i].getAttribute('data-option-id')) < 0) {
          buttons[i].focus();
          return;
        }
      }
    }
    input.focus();
  }

  /* Sends one input; resolves to whether it arrived. */
  function deliver(body, userBubble, onFailure) {
    return post(body).then(function (json) {
      showStatus('');
      var messages = json && Array.isArray(json.messages) ? json.messages : [];
      renderAll(messages);
      focusAfterReply(messages);
      // anything that arrived for this chat meanwhile (an agent's answer) comes with the next poll
      schedulePoll(0);
      return true;
    }).catch(function (error) {
      userBubble.remove();
      var message = isUnreachable(error) ? TEXT.unreachable : (error.message || TEXT.failed);
      var hint = onFailure();
      showStatus(hint ? message + ' ' + hint : message);
      return false;
    });
  }

  /* The buttons of the open question, if any. */
  function openOptions() {
    var buttons = log.querySelectorAll('.options button:not(:disabled)');
    return buttons.length > 0 ? buttons[buttons.length - 1].parentNode : null;
  }

  function sendText(text) {
    var open = openOptions();
    disableOptions(null);
    var userBubble = bubble('user', text);
    log.appendChild(userBubble);
    scrollToEnd();
    return enqueue(function () {
      return deliver({ text: text }, userBubble, function () {
        // the question is still open when nothing newer arrived meanwhile
        var groups = log.querySelectorAll('.options');
        if (open !== null && groups[groups.length - 1] === open && openOptions() === null) {
          setGroupDisabled(open, false);
        }
        if (input.value !== '') {
          return null;
        }
        input.value = text;
        return TEXT.keptInInput;
      });
    });
  }

  function choose(group, button, optionId, label) {
    setGroupDisabled(group, true);
    button.classList.add('chosen');
    disableOptions(null);
    var userBubble = bubble('user', label);
    log.appendChild(userBubble);
    scrollToEnd();
    return enqueue(function () {
      return deliver({ optionId: optionId }, userBubble, function () {
        button.classList.remove('chosen');
        setGroupDisabled(group, false);
        button.focus();
        return null;
      });
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value;
    if (text.trim() === '') {
      input.focus();
      return;
    }
    input.value = '';
    sendText(text);
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      if (typeof form.requestSubmit === 'function') {
        form.requestSubmit();
      } else {
        form.dispatchEvent(new Event('submit', { cancelable: true }));
      }
    }
  });

  // ---------------------------------------------------------------- polling

  function poll() {
    if (!sessionId || polling) {
      return Promise.resolve(0);
    }
    polling = true;
    var polledSession = sessionId;
    return request('GET', messagesPath() + '?after=' + cursor).then(function (json) {
      if (polledSession !== sessionId) {
        return 0;
      }
      showStatus('');
      var messages = json && Array.isArray(json.messages) ? json.messages : [];
      renderAll(messages);
      messages.forEach(function (message) {
        cursor = Math.max(cursor, Number(message.id));
      });
      shown.forEach(function (id) {
        if (id <= cursor) {
          shown.delete(id);
        }
      });
      return messages.length;
    }).catch(function (error) {
      if (error instanceof ApiError && error.status === 404 && polledSession === sessionId) {
        setSession(null);
        disableOptions(null);
        showStatus(TEXT.sessionExpired);
      } else if (isUnreachable(error)) {
        showStatus(TEXT.unreachablePoll);
      }
      return 0;
    }).then(function (count) {
      polling = false;
      return count;
    });
  }

  function schedulePoll(delay) {
    if (pollTimer !== null) {
      window.clearTimeout(pollTimer);
    }
    pollTimer = window.setTimeout(function () {
      pollTimer = null;
      poll().then(function (count) {
        if (pollTimer === null) {
          // more may be waiting when a poll returned anything
          schedulePoll(count > 0 ? 0 : (document.hidden ? POLL_INTERVAL_HIDDEN_MS : POLL_INTERVAL_MS));
        }
      });
    }, delay);
  }

  document.addEventListener('visibilitychange', function () {
    if (!document.hidden) {
      schedulePoll(0);
    }
  });

  // ---------------------------------------------------------------- start

  resetButton.addEventListener('click', function () {
    if (!window.confirm(TEXT.confirmReset)) {
      return;
    }
    setSession(null);
    writeStorage(STARTED_CODE_KEY, null);
    var items = log.querySelectorAll('.msg:not(.welcome)');
    for (var i = 0; i < items.length; i++) {
      items[i].remove();
    }
    showStatus('');
    input.focus();
  });

  /* The code of a deep link (?code=ABCDE-FGHJK), removed from the address so a reload does not send it again. */
  function takeDeepLinkCode() {
    var url = new URL(window.location.href);
    var code = url.searchParams.get('code');
    if (code === null) {
      return null;
    }
    url.searchParams.delete('code');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    code = code.trim();
    return CODE_FORMAT.test(code) ? code.toUpperCase() : null;
  }

  /* A reload continues the chat: shows what the bot said so far; only the last open question stays answerable. */
  function loadHistory() {
    return poll().then(function () {
      var last = log.lastElementChild;
      var open = last && last.classList.contains('bot') ? last.querySelector('.options') : null;
      disableOptions(open);
    });
  }

  function start() {
    resetButton.hidden = !sessionId;
    var code = takeDeepLinkCode();
    var ready = sessionId ? enqueue(loadHistory) : Promise.resolve();
    if (code !== null && readStorage(STARTED_CODE_KEY) !== code) {
      ready.then(function () {
        return sendText('/start ' + code);
      }).then(function (arrived) {
        if (arrived) {
          writeStorage(STARTED_CODE_KEY, code);
        }
      });
    }
    schedulePoll(POLL_INTERVAL_MS);
  }

  start();
}());
