// The newsmon page: search, facets, timeline, rising topics, stories, subscriptions and
// live matches. Every text that comes from a feed is untrusted: it reaches the page only
// through textContent, createTextNode or a checked http(s) href, never through innerHTML.
(function () {
	'use strict';

	const STRINGS = window.NEWSMON_STRINGS;
	const UI_LANGUAGES = ['en', 'ja', 'ko'];
	const PAGE_SIZE = 20;
	const RISING_REFRESH_MS = 5 * 60 * 1000;
	const KEY_STORAGE = 'newsmon.apiKey';
	const LANG_STORAGE = 'newsmon.uiLang';
	const COLOURS = ['#1f6feb', '#d1495b', '#2a9d8f', '#e9a23b', '#7b4fbd', '#5c6b73', '#c06c84', '#3d8b37'];

	const state = {
		uiLang: 'en',
		topics: [],
		labels: new Map(),
		criteria: { q: '', topics: [], lang: '', source: '', from: '', to: '', sort: 'relevance' },
		cursor: null,
		shown: 0,
		total: 0,
		lastResult: null,
		chart: null,
		timeline: null,
		subscriptions: [],
		watching: null,
		searchSeq: 0,
		unseen: 0
	};

	const $ = (id) => document.getElementById(id);

	// --- text and safe DOM -------------------------------------------------------------

	function t(key, values) {
		const table = STRINGS[state.uiLang] || STRINGS.en;
		let text = (key in table) ? table[key] : STRINGS.en[key];
		if (text === undefined) {
			return key;
		}
		if (values) {
			text = text.replace(/\{(\w+)\}/g, (match, name) => (name in values) ? String(values[name]) : match);
		}
		return text;
	}

	function el(tag, props, children) {
		const node = document.createElement(tag);
		if (props) {
			for (const [name, value] of Object.entries(props)) {
				if (value === undefined || value === null || value === false) {
					continue;
				}
				if (name === 'text') {
					node.textContent = value;
				}
				else if (name === 'class') {
					node.className = value;
				}
				else if (name.startsWith('on')) {
					node.addEventListener(name.substring(2), value);
				}
				else {
					node.setAttribute(name, value === true ? '' : value);
				}
			}
		}
		for (const child of (children || [])) {
			if (child !== null && child !== undefined) {
				node.append(child);
			}
		}
		return node;
	}

	/** An http(s) URL as written, or null: a javascript: or data: link from a feed never becomes a link. */
	function safeHref(url) {
		if (typeof url !== 'string') {
			return null;
		}
		try {
			const parsed = new URL(url, window.location.href);
			return (parsed.protocol === 'http:' || parsed.protocol === 'https:') ? parsed.href : null;
		}
		catch (e) {
			return null;
		}
	}

	const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'', nbsp: '\u00a0' };

	/** Decodes the character references that Elasticsearch's HTML encoder writes. */
	function decodeEntities(text) {
		return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (match, ref) => {
			if (ref[0] === '#') {
				const code = (ref[1] === 'x' || ref[1] === 'X') ? parseInt(ref.substring(2), 16) : parseInt(ref.substring(1), 10);
				return (code > 0 && code <= 0x10ffff) ? String.fromCodePoint(code) : match;
			}
			return (ref in ENTITIES) ? ENTITIES[ref] : match;
		});
	}

	/**
	 * A snippet is HTML-escaped text with matches marked by <em>. Only those two exact tags
	 * become elements; everything between them is decoded and inserted as plain text.
	 */
	function snippetNodes(snippet) {
		const fragment = document.createDocumentFragment();
		if (typeof snippet !== 'string') {
			return fragment;
		}
		const parts = snippet.split(/(<em>|<\/em>)/);
		let em = null;
		for (const part of parts) {
			if (part === '<em>') {
				em = document.createElement('mark');
			}
			else if (part === '</em>') {
				if (em) {
					fragment.append(em);
				}
				em = null;
			}
			else if (part) {
				const text = document.createTextNode(decodeEntities(part));
				(em || fragment).append(text);
			}
		}
		if (em) {
			fragment.append(em);
		}
		return fragment;
	}

	function topicLabel(id) {
		const labels = state.labels.get(id);
		return labels ? (labels[state.uiLang] || labels.en) : id;
	}

	function formatDate(iso, withTime) {
		if (!iso) {
			return '';
		}
		const date = new Date(iso);
		if (isNaN(date.getTime())) {
			return '';
		}
		const options = withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' };
		return new Intl.DateTimeFormat(state.uiLang, options).format(date);
	}

	function formatNumber(value) {
		return new Intl.NumberFormat(state.uiLang).format(value);
	}

	// --- HTTP --------------------------------------------------------------------------

	class ProblemError extends Error {
		constructor(status, problem) {
			super((problem && (problem.detail || problem.title)) || ('HTTP ' + status));
			this.status = status;
			this.problem = problem;
		}
	}

	async function request(method, path, body, withKey) {
		const headers = { Accept: 'application/json, application/problem+json' };
		if (body !== undefined) {
			headers['Content-Type'] = 'application/json';
		}
		const key = apiKey();
		if (withKey && key) {
			headers.Authorization = 'Bearer ' + key;
		}
		const response = await fetch(path, {
			method: method,
			headers: headers,
			body: (body !== undefined) ? JSON.stringify(body) : undefined,
			credentials: 'same-origin'
		});
		if (response.status === 204) {
			return null;
		}
		let payload = null;
		const type = response.headers.get('Content-Type') || '';
		if (type.includes('json')) {
			payload = await response.json();
		}
		if (!response.ok) {
			throw new ProblemError(response.status, payload);
		}
		return payload;
	}

	function showError(error) {
		const box = $('error');
		box.textContent = t('error', { detail: error.message });
		box.hidden = false;
	}

	function clearError() {
		$('error').hidden = true;
		$('error').textContent = '';
	}

	// --- interface language ------------------------------------------------------------

	function applyLanguage(lang) {
		state.uiLang = UI_LANGUAGES.includes(lang) ? lang : 'en';
		document.documentElement.lang = state.uiLang;
		$('ui-lang').value = state.uiLang;
		try {
			localStorage.setItem(LANG_STORAGE, state.uiLang);
		}
		catch (e) {
			// private mode: the choice lasts for this page only
		}
		for (const node of document.querySelectorAll('[data-i18n]')) {
			node.textContent = t(node.dataset.i18n);
		}
		for (const node of document.querySelectorAll('[data-i18n-placeholder]')) {
			node.placeholder = t(node.dataset.i18nPlaceholder);
		}
		for (const node of document.querySelectorAll('[data-i18n-aria-label]')) {
			node.setAttribute('aria-label', t(node.dataset.i18nAriaLabel));
		}
		fillSubscriptionTopics();
		updateKeyState();
		if (state.lastResult) {
			renderFacets(state.lastResult);
			renderStatus();
			rerenderHits();
		}
		if (state.timeline) {
			renderTimeline(state.timeline);
		}
		loadRising();
		renderSubscriptions();
	}

	// --- search ------------------------------------------------------------------------

	function readCriteriaFromLocation() {
		const params = new URLSearchParams(window.location.search);
		const c = state.criteria;
		c.q = params.get('q') || '';
		c.topics = params.getAll('topic').filter((id) => state.labels.has(id));
		c.lang = params.get('lang') || '';
		c.source = params.get('source') || '';
		c.from = params.get('from') || '';
		c.to = params.get('to') || '';
		c.sort = (params.get('sort') === 'newest') ? 'newest' : 'relevance';
		$('q').value = c.q;
		$('from').value = c.from;
		$('to').value = c.to;
		for (const radio of document.querySelectorAll('input[name="sort"]')) {
			radio.checked = radio.value === c.sort;
		}
	}

	function criteriaParams(withSort) {
		const c = state.criteria;
		const params = new URLSearchParams();
		if (c.q) {
			params.set('q', c.q);
		}
		for (const topic of c.topics) {
			params.append('topic', topic);
		}
		for (const name of ['lang', 'source', 'from', 'to']) {
			if (c[name]) {
				params.set(name, c[name]);
			}
		}
		if (withSort && c.sort !== 'relevance') {
			params.set('sort', c.sort);
		}
		return params;
	}

	async function search(append) {
		const seq = ++state.searchSeq;
		clearError();
		const params = criteriaParams(true);
		params.set('size', String(PAGE_SIZE));
		if (append && state.cursor) {
			params.set('cursor', state.cursor);
		}
		if (!append) {
			const query = criteriaParams(true).toString();
			history.replaceState(null, '', query ? ('?' + query) : window.location.pathname);
			$('status').textContent = t('loading');
			loadTimeline();
		}
		$('results').setAttribute('aria-busy', 'true');
		try {
			const result = await request('GET', '/api/search?' + params.toString());
			if (seq !== state.searchSeq) {
				return;
			}
			if (!append) {
				$('results').replaceChildren();
				state.shown = 0;
				state.hits = [];
				state.lastResult = result;
				renderFacets(result);
			}
			state.total = result.total;
			state.cursor = result.nextCursor;
			state.hits = (state.hits || []).concat(result.hits);
			const first = renderHits(result.hits);
			state.shown += result.hits.length;
			renderStatus();
			$('more').hidden = !state.cursor;
			if (append && first) {
				// keyboard users continue where the new page starts
				first.querySelector('a').focus();
			}
		}
		catch (error) {
			if (seq === state.searchSeq) {
				$('status').textContent = '';
				showError(error);
			}
		}
		finally {
			$('results').removeAttribute('aria-busy');
		}
	}

	function renderStatus() {
		if (state.total === 0) {
			$('status').textContent = t('noResults');
			return;
		}
		const total = (state.total === 1) ? t('totalOne') : t('total', { count: formatNumber(state.total) });
		$('status').textContent = total + ' · ' + t('shown', { shown: formatNumber(state.shown), total: formatNumber(state.total) });
	}

	function renderHits(hits) {
		let first = null;
		for (const hit of hits) {
			const item = hitElement(hit, true);
			$('results').append(item);
			first = first || item;
		}
		return first;
	}

	function rerenderHits() {
		$('results').replaceChildren();
		renderHits(state.hits || []);
	}

	function hitElement(hit, withStory) {
		const href = safeHref(hit.url);
		const title = hit.title || hit.url || hit.id;
		const heading = el('h3', { class: 'hit-title' }, [
			href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: title, title: t('open') })
				: el('span', { text: title })
		]);
		const meta = el('p', { class: 'hit-meta' }, [
			el('span', { class: 'hit-source', text: hit.source || t('unknownSource') }),
			el('span', { class: 'hit-lang', lang: hit.language || undefined, text: hit.language || '' }),
			el('time', { datetime: hit.publishedAt || undefined, text: formatDate(hit.publishedAt, true) })
		]);
		const snippet = el('p', { class: 'snippet' });
		snippet.append(snippetNodes(hit.snippet));
		const chips = el('ul', { class: 'chips', 'aria-label': t('topics') });
		for (const topic of (hit.topics || [])) {
			const score = (typeof topic.score === 'number') ? t('score') + ' ' + topic.score.toFixed(2) : undefined;
			chips.append(el('li', { class: 'chip', title: score, text: topicLabel(topic.id) }));
		}
		const details = el('details', { class: 'why' }, [el('summary', { text: t('topicsAndEvidence') })]);
		details.addEventListener('toggle', () => {
			if (details.open && !details.dataset.loaded) {
				details.dataset.loaded = 'true';
				loadEvidence(hit, details);
			}
		});
		const actions = el('div', { class: 'hit-actions' }, [
			details,
			(withStory && hit.clusterId) ? el('button', {
				type: 'button', class: 'secondary story-button', text: t('storyButton'),
				onclick: () => openStory(hit.clusterId)
			}) : null
		]);
		// without a highlight the API falls back to the title: no need to show it twice
		const showSnippet = snippet.textContent !== '' && snippet.textContent !== title;
		return el('li', { class: 'hit', 'data-id': hit.id }, [heading, meta, showSnippet ? snippet : null, chips, actions]);
	}

	async function loadEvidence(hit, details) {
		const box = el('div', { class: 'evidence' });
		details.append(box);
		const table = el('table', { class: 'scores' });
		for (const topic of (hit.topics || []).filter((x) => typeof x.score === 'number')) {
			const bar = el('span', { class: 'bar' });
			bar.style.width = Math.round(Math.max(0, Math.min(1, topic.score)) * 100) + '%';
			table.append(el('tr', {}, [
				el('th', { scope: 'row', text: topicLabel(topic.id) }),
				el('td', { text: topic.score.toFixed(2) }),
				el('td', { class: 'bar-cell' }, [bar])
			]));
		}
		if (table.children.length) {
			box.append(table);
		}
		else if (!(hit.topics || []).length) {
			box.append(el('p', { text: t('noTopics') }));
		}
		try {
			const article = await request('GET', '/api/articles/' + encodeURIComponent(hit.id));
			box.append(el('p', { class: 'hint', text: t('evidenceMissing') }));
			if (article.summary) {
				box.append(el('p', { class: 'summary' }, [el('strong', { text: t('summary') + ': ' }), document.createTextNode(article.summary)]));
			}
			if (article.entities && article.entities.length) {
				box.append(el('p', { class: 'entities' }, [
					el('strong', { text: t('entities') + ': ' }),
					document.createTextNode(article.entities.map((e) => e.name).join(', '))
				]));
			}
		}
		catch (error) {
			box.append(el('p', { class: 'error', text: t('error', { detail: error.message }) }));
		}
	}

	// --- facets ------------------------------------------------------------------------

	function renderFacets(result) {
		const counts = new Map(result.facets.topics.map((b) => [b.key, b.count]));
		const list = $('topic-facets');
		list.replaceChildren();
		for (const topic of state.topics) {
			const count = counts.get(topic.id) || 0;
			const checked = state.criteria.topics.includes(topic.id);
			if (count === 0 && !checked) {
				continue;
			}
			const id = 'topic-' + topic.id;
			const box = el('input', { type: 'checkbox', id: id, value: topic.id, checked: checked });
			box.addEventListener('change', () => {
				const selected = state.criteria.topics.filter((x) => x !== topic.id);
				if (box.checked) {
					selected.push(topic.id);
				}
				state.criteria.topics = selected;
				search(false);
			});
			list.append(el('div', { class: 'facet' }, [
				box,
				el('label', { for: id }, [el('span', { text: topicLabel(topic.id) }), el('span', { class: 'count', text: formatNumber(count) })])
			]));
		}
		fillSelect($('lang'), result.facets.languages, state.criteria.lang, t('anyLanguage'));
		fillSelect($('source'), result.facets.sources, state.criteria.source, t('anySource'));
	}

	function fillSelect(select, buckets, current, anyLabel) {
		select.replaceChildren(el('option', { value: '', text: anyLabel }));
		let found = false;
		for (const bucket of buckets) {
			found = found || bucket.key === current;
			select.append(el('option', { value: bucket.key, text: bucket.key + ' (' + formatNumber(bucket.count) + ')' }));
		}
		if (current && !found) {
			select.append(el('option', { value: current, text: current }));
		}
		select.value = current;
	}

	// --- timeline and rising topics ----------------------------------------------------

	async function loadTimeline() {
		try {
			state.timeline = await request('GET', '/api/timeline?' + criteriaParams(false).toString());
			renderTimeline(state.timeline);
		}
		catch (error) {
			$('timeline').replaceChildren(el('p', { class: 'error', text: t('error', { detail: error.message }) }));
		}
	}

	function renderTimeline(timeline) {
		const box = $('timeline');
		if (state.chart) {
			state.chart.destroy();
			state.chart = null;
		}
		box.replaceChildren();
		renderTimelineTable(timeline);
		if (!timeline.series.length || timeline.series.every((s) => s.total === 0)) {
			box.append(el('p', { class: 'hint', text: t('timelineEmpty') }));
			return;
		}
		if (typeof window.uPlot !== 'function') {
			return;
		}
		const xs = timeline.dates.map((d) => Date.parse(d + 'T00:00:00Z') / 1000);
		const data = [xs].concat(timeline.series.map((s) => s.counts));
		const series = [{}].concat(timeline.series.map((s, i) => ({
			label: topicLabel(s.topic),
			stroke: COLOURS[i % COLOURS.length],
			width: 2,
			points: { show: xs.length < 40 }
		})));
		const width = Math.max(240, box.clientWidth || 320);
		state.chart = new window.uPlot({
			width: width,
			height: 220,
			series: series,
			scales: { x: { time: true }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
			axes: [{}, { size: 36 }],
			legend: { live: false },
			tzDate: (ts) => window.uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC')
		}, data, box);
	}

	function renderTimelineTable(timeline) {
		// the same figures for screen readers
		const table = $('timeline-table');
		table.replaceChildren();
		table.append(el('caption', { text: t('timeline') }));
		for (const s of timeline.series) {
			table.append(el('tr', {}, [el('th', { scope: 'row', text: topicLabel(s.topic) }), el('td', { text: String(s.total) })]));
		}
	}

	async function loadRising() {
		const list = $('rising');
		try {
			const rising = await request('GET', '/api/rising');
			list.replaceChildren();
			if (!rising.topics.length) {
				list.append(el('li', { class: 'hint', text: t('risingNone') }));
			}
			for (const topic of rising.topics) {
				list.append(el('li', {}, [
					el('button', {
						type: 'button', class: 'link', text: topicLabel(topic.topic),
						onclick: () => {
							if (!state.criteria.topics.includes(topic.topic)) {
								state.criteria.topics = state.criteria.topics.concat([topic.topic]);
							}
							search(false);
						}
					}),
					el('span', {
						class: 'figures',
						text: t('risingFigures', { count: formatNumber(topic.last24h), mean: formatNumber(topic.baselineDailyMean), ratio: formatNumber(topic.ratio) })
					})
				]));
			}
		}
		catch (error) {
			list.replaceChildren(el('li', { class: 'error', text: t('error', { detail: error.message }) }));
		}
	}

	// --- story view ----------------------------------------------------------------------

	async function openStory(clusterId) {
		const dialog = $('story');
		$('story-articles').replaceChildren();
		$('story-summary').textContent = t('loading');
		if (!dialog.open) {
			dialog.showModal();
		}
		try {
			const story = await request('GET', '/api/stories/' + encodeURIComponent(clusterId));
			const languages = story.languages.map((b) => b.key + ' ' + b.count).join(', ');
			$('story-summary').textContent = t('storySummary', {
				count: formatNumber(story.total),
				sources: formatNumber(story.sources.length),
				languages: languages,
				first: formatDate(story.firstPublishedAt, true),
				last: formatDate(story.lastPublishedAt, true)
			});
			const sources = el('ul', { class: 'chips story-sources' });
			for (const bucket of story.sources) {
				sources.append(el('li', { class: 'chip', text: bucket.key + ' · ' + bucket.count }));
			}
			$('story-summary').append(sources);
			for (const article of story.articles) {
				$('story-articles').append(hitElement(article, false));
			}
		}
		catch (error) {
			$('story-summary').textContent = t('error', { detail: error.message });
		}
	}

	// --- API key and subscriptions -----------------------------------------------------

	function apiKey() {
		try {
			return sessionStorage.getItem(KEY_STORAGE) || '';
		}
		catch (e) {
			return '';
		}
	}

	function updateKeyState() {
		$('key-state').textContent = apiKey() ? t('keySet') : t('keyHint');
	}

	function fillSubscriptionTopics() {
		const select = $('sub-topics');
		const selected = new Set(Array.from(select.selectedOptions).map((o) => o.value));
		select.replaceChildren();
		for (const topic of state.topics) {
			select.append(el('option', { value: topic.id, text: topicLabel(topic.id), selected: selected.has(topic.id) }));
		}
	}

	function channelFields() {
		const type = $('sub-channel').value;
		$('sub-url-field').hidden = type !== 'webhook';
		$('sub-email-field').hidden = type !== 'email';
	}

	async function loadSubscriptions() {
		if (!apiKey()) {
			state.subscriptions = [];
			renderSubscriptions();
			return;
		}
		try {
			state.subscriptions = await request('GET', '/api/subscriptions', undefined, true);
			renderSubscriptions();
		}
		catch (error) {
			$('sub-status').textContent = t('error', { detail: error.message });
		}
	}

	function renderSubscriptions() {
		const list = $('subscriptions');
		list.replaceChildren();
		if (!apiKey()) {
			list.append(el('li', { class: 'hint', text: t('keyNeeded') }));
			return;
		}
		if (!state.subscriptions.length) {
			list.append(el('li', { class: 'hint', text: t('noSubscriptions') }));
			return;
		}
		for (const sub of state.subscriptions) {
			list.append(subscriptionElement(sub));
		}
	}

	function subscriptionElement(sub) {
		const links = sub.links || {};
		const feed = safeHref(links.feed);
		const describe = [sub.query, (sub.topics || []).map(topicLabel).join(', '), (sub.languages || []).join(', ')]
			.filter((x) => x).join(' · ');
		const deliveries = el('div', { class: 'deliveries' });
		const watching = state.watching && state.watching.id === sub.id;
		return el('li', { class: 'sub', 'data-id': sub.id }, [
			el('h3', { text: sub.name }),
			el('p', { class: 'hint', text: describe + ' → ' + (sub.channel ? sub.channel.type : '') }),
			el('div', { class: 'sub-actions' }, [
				feed ? el('a', { href: feed, class: 'atom', text: t('atomFeed'), type: 'application/atom+xml' }) : null,
				el('button', { type: 'button', class: 'secondary watch', 'aria-pressed': watching ? 'true' : 'false',
					text: watching ? t('stopWatching') : t('watch'), onclick: () => watching ? stopWatching() : watch(sub) }),
				el('button', { type: 'button', class: 'secondary show-deliveries', text: t('deliveries'),
					onclick: () => loadDeliveries(sub, deliveries) }),
				el('button', { type: 'button', class: 'danger delete', text: t('delete'),
					onclick: () => deleteSubscription(sub) })
			]),
			deliveries
		]);
	}

	async function createSubscription(event) {
		event.preventDefault();
		if (!apiKey()) {
			$('sub-status').textContent = t('keyNeeded');
			$('api-key').focus();
			return;
		}
		const type = $('sub-channel').value;
		const channel = { type: type };
		if (type === 'webhook') {
			channel.url = $('sub-url').value.trim();
		}
		if (type === 'email') {
			channel.email = $('sub-email').value.trim();
		}
		const body = {
			name: $('sub-name').value.trim(),
			query: $('sub-query').value.trim() || undefined,
			topics: Array.from($('sub-topics').selectedOptions).map((o) => o.value),
			languages: Array.from(document.querySelectorAll('input[name="sub-lang"]:checked')).map((b) => b.value),
			channel: channel
		};
		try {
			const created = await request('POST', '/api/subscriptions', body, true);
			$('sub-status').textContent = t('created', { name: created.name });
			if (created.channel && created.channel.secret) {
				// the API shows a webhook's signing secret only in this answer
				$('sub-status').append(el('br'), document.createTextNode(t('webhookSecret') + ' '),
					el('code', { text: created.channel.secret }));
			}
			$('sub-form').reset();
			channelFields();
			await loadSubscriptions();
			if (type === 'sse') {
				watch(created);
			}
		}
		catch (error) {
			$('sub-status').textContent = t('error', { detail: error.message });
		}
	}

	async function deleteSubscription(sub) {
		if (!window.confirm(t('confirmDelete', { name: sub.name }))) {
			return;
		}
		try {
			await request('DELETE', '/api/subscriptions/' + encodeURIComponent(sub.id), undefined, true);
			if (state.watching && state.watching.id === sub.id) {
				stopWatching();
			}
			$('sub-status').textContent = t('deleted');
			await loadSubscriptions();
			$('sub-name').focus();
		}
		catch (error) {
			$('sub-status').textContent = t('error', { detail: error.message });
		}
	}

	async function loadDeliveries(sub, box) {
		box.replaceChildren();
		try {
			const result = await request('GET', '/api/subscriptions/' + encodeURIComponent(sub.id) + '/deliveries', undefined, true);
			const list = el('ol', { class: 'delivery-list' });
			for (const d of (result.deliveries || [])) {
				const href = safeHref(d.url);
				list.append(el('li', {}, [
					href ? el('a', { href: href, target: '_blank', rel: 'noopener noreferrer', text: d.title || d.url }) : el('span', { text: d.title || '' }),
					el('span', { class: 'hint', text: ' · ' + [d.channel, d.status, d.attempts, formatDate(d.finishedAt || d.matchedAt, true)].filter((x) => x !== undefined && x !== null && x !== '').join(' · ') })
				]));
			}
			box.append(list.children.length ? list : el('p', { class: 'hint', text: t('noDeliveries') }));
		}
		catch (error) {
			box.append(el('p', { class: 'error', text: t('error', { detail: error.message }) }));
		}
	}

	// --- live matches ------------------------------------------------------------------

	function watch(sub) {
		stopWatching();
		const links = sub.links || {};
		const url = links.events || ('/api/subscriptions/' + encodeURIComponent(sub.id) + '/events');
		const href = safeHref(url);
		if (!href || new URL(href).origin !== window.location.origin) {
			return;
		}
		const source = new EventSource(href);
		state.watching = { id: sub.id, name: sub.name, source: source };
		$('live-state').textContent = t('liveOn', { name: sub.name });
		source.addEventListener('open', () => {
			$('live-state').textContent = t('liveOn', { name: sub.name });
		});
		source.addEventListener('error', () => {
			$('live-state').textContent = t('liveLost');
		});
		source.addEventListener('alert', (event) => {
			let alert;
			try {
				alert = JSON.parse(event.data);
			}
			catch (e) {
				return;
			}
			const article = alert.article || {};
			const hit = {
				id: article.id, title: article.title, url: article.url, source: article.source,
				language: article.language, publishedAt: article.publishedAt,
				// alerts name their topics without scores
				topics: (article.topics || []).map((x) => (typeof x === 'string') ? { id: x } : x),
				snippet: null, clusterId: article.clusterId
			};
			const item = hitElement(hit, true);
			item.classList.add('new');
			if (article.summary) {
				item.querySelector('.hit-meta').after(el('p', { class: 'snippet', text: article.summary }));
			}
			$('live').prepend(item);
			if (document.hidden) {
				// a tab in the background shows how many matches came meanwhile
				state.unseen += 1;
				document.title = '(' + state.unseen + ') newsmon';
			}
			while ($('live').children.length > 50) {
				$('live').lastElementChild.remove();
			}
		});
		renderSubscriptions();
	}

	function stopWatching() {
		if (state.watching) {
			state.watching.source.close();
			state.watching = null;
			$('live-state').textContent = t('liveIdle');
			renderSubscriptions();
		}
	}

	// --- wiring --------------------------------------------------------------------------

	function debounce(fn, ms) {
		let timer = null;
		return () => {
			clearTimeout(timer);
			timer = setTimeout(fn, ms);
		};
	}

	function wire() {
		$('ui-lang').addEventListener('change', () => applyLanguage($('ui-lang').value));
		$('search-form').addEventListener('submit', (event) => {
			event.preventDefault();
			state.criteria.q = $('q').value.trim();
			search(false);
		});
		for (const radio of document.querySelectorAll('input[name="sort"]')) {
			radio.addEventListener('change', () => {
				state.criteria.sort = radio.value;
				search(false);
			});
		}
		$('lang').addEventListener('change', () => {
			state.criteria.lang = $('lang').value;
			search(false);
		});
		$('source').addEventListener('change', () => {
			state.criteria.source = $('source').value;
			search(false);
		});
		for (const name of ['from', 'to']) {
			$(name).addEventListener('change', () => {
				state.criteria[name] = $(name).value;
				search(false);
			});
		}
		$('clear-filters').addEventListener('click', () => {
			Object.assign(state.criteria, { topics: [], lang: '', source: '', from: '', to: '' });
			$('from').value = '';
			$('to').value = '';
			search(false);
		});
		$('more').addEventListener('click', () => search(true));
		$('story-close').addEventListener('click', () => $('story').close());
		$('key-form').addEventListener('submit', (event) => {
			event.preventDefault();
			const key = $('api-key').value.trim();
			$('api-key').value = '';
			if (key) {
				sessionStorage.setItem(KEY_STORAGE, key);
			}
			updateKeyState();
			loadSubscriptions();
		});
		$('forget-key').addEventListener('click', () => {
			sessionStorage.removeItem(KEY_STORAGE);
			stopWatching();
			updateKeyState();
			loadSubscriptions();
		});
		$('sub-channel').addEventListener('change', channelFields);
		$('sub-form').addEventListener('submit', createSubscription);
		window.addEventListener('resize', debounce(() => {
			if (state.chart) {
				state.chart.setSize({ width: Math.max(240, $('timeline').clientWidth), height: 220 });
			}
		}, 150));
		document.addEventListener('visibilitychange', () => {
			if (!document.hidden) {
				state.unseen = 0;
				document.title = 'newsmon';
			}
		});
		window.addEventListener('popstate', () => {
			readCriteriaFromLocation();
			search(false);
		});
	}

	async function start() {
		wire();
		if (window.matchMedia('(max-width: 44rem)').matches) {
			// on a phone the results come first; the filters open on demand
			$('filters-box').open = false;
		}
		try {
			const taxonomy = await request('GET', '/taxonomy.json');
			state.topics = taxonomy.topics;
			for (const topic of taxonomy.topics) {
				state.labels.set(topic.id, topic.labels);
			}
		}
		catch (error) {
			showError(error);
		}
		let lang = 'en';
		try {
			lang = localStorage.getItem(LANG_STORAGE) || (navigator.language || 'en').substring(0, 2);
		}
		catch (e) {
			// keep English
		}
		readCriteriaFromLocation();
		applyLanguage(lang);
		channelFields();
		loadSubscriptions();
		await search(false);
		document.body.dataset.ready = 'true';
		// the page stays open all day: the rising topics follow the news
		setInterval(loadRising, RISING_REFRESH_MS);
	}

	document.addEventListener('DOMContentLoaded', start);
}());
