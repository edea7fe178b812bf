// A virtualised listbox: only the rows in view exist in the DOM, so ten thousand entities scroll as
// smoothly as ten. Every row has the same height, so which rows are in view is one division: no
// per-row bookkeeping, which for a list of ten thousand cost a pass over all of them (and as
// many objects) each time its items changed. Keyboard use follows the ARIA listbox pattern: the
// list is one tab stop, arrows, Page Up/Down, Home and End move the active row
// (aria-activedescendant), Enter or Space activates it.
const OVERSCAN = 6; // rows drawn beyond each edge of the view

let lists = 0;

export class VirtualList {
  // options: {rowHeight, label, renderRow(row, item, index), isSelectable(item), isSelected(item),
  //           onActivate(item, index, event), onActiveChange(item, index), multiselectable}
  constructor(container, options) {
    this.container = container;
    this.options = { isSelectable: () => true, isSelected: () => false, onActiveChange() {}, onActivate() {}, ...options };
    this.items = [];
    this.active = -1;
    this.prefix = `vl${++lists}`;
    container.classList.add('vlist');
    container.tabIndex = 0;
    container.setAttribute('role', 'listbox');
    container.setAttribute('aria-label', options.label);
    if (options.multiselectable) container.setAttribute('aria-multiselectable', 'true');
    this.spacer = document.createElement('div');
    this.spacer.className = 'vlist-spacer';
    this.empty = document.createElement('p');
    this.empty.className = 'vlist-empty';
    this.empty.hidden = true;
    container.append(this.spacer, this.empty);

    // The list's height and scroll offset, as last seen, and the rows last drawn.
    this.height = 0;
    this.scrollTop = 0;
    this.drawn = null;
    container.addEventListener('scroll', () => {
      this.scrollTop = container.scrollTop;
      this.renderIfMoved();
    }, { passive: true });
    new ResizeObserver(([entry]) => {
      const height = Math.round(entry.borderBoxSize?.[0]?.blockSize ?? entry.contentRect.height);
      if (height === this.height) return;
      this.height = height;
      this.renderIfMoved();
    }).observe(container);

    container.addEventListener('keydown', (event) => this.keydown(event));
    // Keyboard focus shows an active row at once; a pointer's focus leaves that to the click.
    container.addEventListener('focus', () => {
      if (!container.matches(':focus-visible')) return;
      if (this.active < 0) this.setActive(this.nextSelectable(-1, 1), { scroll: false });
      this.render();
    });
    // Rows are redrawn often (progress, selection), and a row redrawn between mousedown and mouseup
    // would lose its click; so a press and release on the same row activates it.
    let pressed = -1;
    let activatedAt = 0;
    const rowIndex = (event) => {
      const row = event.target.closest?.('.vlist-row');
      return row ? Number(row.dataset.index) : -1;
    };
    const activate = (index, event) => {
      if (index < 0 || !this.options.isSelectable(this.items[index])) return;
      this.setActive(index, { scroll: false });
      this.options.onActivate(this.items[index], index, event);
    };
    container.addEventListener('pointerdown', (event) => {
      pressed = event.button === 0 ? rowIndex(event) : -1;
    });
    container.addEventListener('pointerup', (event) => {
      const index = rowIndex(event);
      if (index >= 0 && index === pressed) {
        activatedAt = performance.now();
        activate(index, event);
      }
      pressed = -1;
    });
    // Clicks that come without a pointer (assistive technology) still activate.
    container.addEventListener('click', (event) => {
      if (performance.now() - activatedAt < 600) return;
      activate(rowIndex(event), event);
    });
  }

  setItems(items, { emptyText = '' } = {}) {
    this.items = items;
    if (this.active >= items.length) this.active = -1;
    this.empty.textContent = emptyText;
    this.empty.hidden = items.length > 0;
    // A shorter list may have scrolled back: the offset is read again when it reports it.
    this.scrollTop = Math.min(this.scrollTop, Math.max(0, items.length * this.options.rowHeight - this.height));
    this.render();
  }

  // The rows in view (with OVERSCAN more on each side): [first, last] indices.
  range() {
    const row = this.options.rowHeight;
    const first = Math.max(0, Math.floor(this.scrollTop / row) - OVERSCAN);
    const last = Math.min(this.items.length - 1, Math.floor((this.scrollTop + this.height) / row) + OVERSCAN);
    return [first, last];
  }

  renderIfMoved() {
    const [first, last] = this.range();
    if (!this.drawn || this.drawn[0] !== first || this.drawn[1] !== last) this.render();
  }

  // Scrolls the least that shows the row at `index`.
  scrollToIndex(index) {
    const row = this.options.rowHeight;
    const top = index * row;
    let next = this.scrollTop;
    if (top < this.scrollTop) next = top;
    else if (top + row > this.scrollTop + this.height) next = top + row - this.height;
    if (next === this.scrollTop) return;
    this.container.scrollTop = next;
    this.scrollTop = this.container.scrollTop;
  }

  // Reads the list's size now. A page that has just shown the list calls this before it draws
  // anything (the size costs one layout then, not one per list), so that the rows drawn next fit
  // the list; otherwise they are drawn for the size it had while hidden, and again once its
  // resize observer reports the real one.
  measure() {
    this.height = this.container.offsetHeight;
  }

  nextSelectable(from, step) {
    for (let i = from + step; i >= 0 && i < this.items.length; i += step) {
      if (this.options.isSelectable(this.items[i])) return i;
    }
    return from;
  }

  setActive(index, { scroll = true } = {}) {
    if (index < 0 || index >= this.items.length) return;
    const changed = index !== this.active;
    this.active = index;
    // A hidden list (another tab) scrolls when it is shown again.
    if (scroll && this.container.clientHeight > 0) this.scrollToIndex(index);
    else if (scroll) this.pendingScroll = index;
    this.render();
    if (changed) this.options.onActiveChange(this.items[index], index);
  }

  // Makes the row whose item satisfies `match` active and scrolls to it.
  reveal(match) {
    const index = this.items.findIndex(match);
    if (index >= 0) this.setActive(index);
    return index;
  }

  keydown(event) {
    const page = Math.max(1, Math.floor(this.container.clientHeight / this.options.rowHeight) - 1);
    const moves = {
      ArrowDown: () => this.nextSelectable(this.active, 1),
      ArrowUp: () => this.nextSelectable(this.active, -1),
      Home: () => this.nextSelectable(-1, 1),
      End: () => this.nextSelectable(this.items.length, -1),
      PageDown: () => this.nextSelectable(Math.min(this.items.length - 1, this.active + page) - 1, 1),
      PageUp: () => this.nextSelectable(Math.max(0, this.active - page) + 1, -1),
    };
    if (moves[event.key]) {
      event.preventDefault();
      this.setActive(moves[event.key]());
    } else if ((event.key === 'Enter' || event.key === ' ') && this.active >= 0) {
      event.preventDefault();
      this.options.onActivate(this.items[this.active], this.active, event);
    }
  }

  // Rows are kept by index while they stay in view, so that an element under the pointer survives
  // a re-render between mousedown and click; their content is redrawn every time.
  render() {
    if (this.pendingScroll !== undefined && this.container.clientHeight > 0) {
      const index = this.pendingScroll;
      this.pendingScroll = undefined;
      if (index < this.items.length) this.scrollToIndex(index);
    }
    const [first, last] = this.range();
    this.drawn = [first, last];
    const virtual = [];
    for (let index = first; index <= last; index++) virtual.push({ index, start: index * this.options.rowHeight });
    this.spacer.style.height = `${this.items.length * this.options.rowHeight}px`;
    const kept = new Map();
    for (const row of this.spacer.children) kept.set(Number(row.dataset.index), row);
    const rows = [];
    for (const { index, start } of virtual) {
      const item = this.items[index];
      if (item === undefined) continue;
      const row = kept.get(index) ?? document.createElement('div');
      for (const name of [...row.getAttributeNames()]) if (name !== 'data-index') row.removeAttribute(name);
      row.replaceChildren();
      row.className = 'vlist-row';
      row.dataset.index = String(index);
      row.style.transform = `translateY(${start}px)`;
      row.style.height = `${this.options.rowHeight}px`;
      if (this.options.isSelectable(item)) {
        row.id = `${this.prefix}-${index}`;
        row.setAttribute('role', 'option');
        row.setAttribute('aria-selected', String(Boolean(this.options.isSelected(item))));
        if (index === this.active) row.classList.add('is-active');
      } else {
        row.setAttribute('role', 'presentation');
      }
      this.options.renderRow(row, item, index);
      rows.push(row);
    }
    const current = new Set(rows);
    for (const row of [...this.spacer.children]) if (!current.has(row)) row.remove();
    for (const row of rows) if (!row.parentNode) this.spacer.append(row);
    if (this.active >= 0 && this.items[this.active] !== undefined && virtual.some((v) => v.index === this.active)) {
      this.container.setAttribute('aria-activedescendant', `${this.prefix}-${this.active}`);
    } else {
      this.container.removeAttribute('aria-activedescendant');
    }
  }
}
