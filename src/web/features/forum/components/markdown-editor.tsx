// The Markdown text area of posts and threads, with an @ picker: typing "@" and a few letters lists the
// people of the space who may be mentioned; choosing one inserts `@[Name](user-id)`, which the server turns
// into a mention. The arrows move in the list only while it is open, so the caret moves as usual otherwise.
import { Combobox, Textarea, useCombobox, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue, useMergedRef } from '@mantine/hooks';
import { type KeyboardEvent, type Ref, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { POST_MAX_CHARS } from '../../../../shared/forum.js';
import { useSpacePeople } from '../api/list-space-people.js';
import { FORUM_NS } from '../messages.js';

/** "@" at the start or after a space or bracket, then letters (one space allowed, for a surname). */
const MENTION = /(?:^|[\s([>])@([\p{L}\p{M}'’-]{1,30}(?: [\p{L}\p{M}'’-]{0,30})?)$/u;

type Mention = { start: number; end: number; q: string };

function mentionAt(text: string, caret: number): Mention | null {
  const before = text.slice(0, caret);
  const m = MENTION.exec(before);
  if (!m || m[1] === undefined) return null;
  return { start: caret - m[1].length - 1, end: caret, q: m[1] };
}

export type MarkdownEditorProps = {
  spaceId: string | undefined;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  required?: boolean;
  minRows?: number;
  description?: string;
  textareaRef?: Ref<HTMLTextAreaElement>;
  testId?: string;
};

export function MarkdownEditor({
  spaceId,
  label,
  value,
  onChange,
  error,
  required,
  minRows = 5,
  description,
  textareaRef,
  testId,
}: MarkdownEditorProps) {
  const { t } = useTranslation(FORUM_NS);
  const store = useCombobox({ onDropdownClose: () => store.resetSelectedOption() });
  const own = useRef<HTMLTextAreaElement>(null);
  const ref = useMergedRef(own, textareaRef);
  const [mention, setMention] = useState<Mention | null>(null);
  const [q] = useDebouncedValue(mention?.q ?? null, 200);
  const people = useSpacePeople(spaceId, mention && q ? q : null);
  const [activeId, setActiveId] = useState<string | null>(null);
  const items = mention && people.data ? people.data.items : [];
  const open = Boolean(mention) && items.length > 0;

  // The store is a new object on every render; its functions are stable, so only the list matters here.
  // biome-ignore lint/correctness/useExhaustiveDependencies: re-run when the list opens or its people change
  useEffect(() => {
    if (open) {
      store.openDropdown();
      // Wait for the options to be in the page before choosing the first one.
      const timer = window.setTimeout(() => setActiveId(store.selectFirstOption()), 0);
      return () => window.clearTimeout(timer);
    }
    store.closeDropdown();
    setActiveId(null);
    return undefined;
  }, [open, people.data]);

  const track = (el: HTMLTextAreaElement) => {
    setMention(el.selectionStart === el.selectionEnd ? mentionAt(el.value, el.selectionStart) : null);
  };

  const insert = (personId: string) => {
    const person = items.find((p) => p.id === personId);
    if (!person || !mention) return;
    // Brackets in a name would end the link text early.
    const name = person.name.replace(/[[\]]/g, '');
    const token = `@[${name}](${person.id}) `;
    const next = value.slice(0, mention.start) + token + value.slice(mention.end);
    onChange(next);
    setMention(null);
    const caret = mention.start + token.length;
    window.setTimeout(() => {
      own.current?.focus();
      own.current?.setSelectionRange(caret, caret);
    }, 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open) return;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActiveId(store.selectNextOption());
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActiveId(store.selectPreviousOption());
    } else if ((e.key === 'Enter' || e.key === 'Tab') && store.getSelectedOptionIndex() !== -1) {
      e.preventDefault();
      store.clickSelectedOption();
    } else if (e.key === 'Escape') {
      // Only the list closes, not a dialog around the editor.
      e.preventDefault();
      e.stopPropagation();
      setMention(null);
    }
  };

  return (
    <div>
      <Combobox store={store} onOptionSubmit={insert} withinPortal={false} position="bottom-start" offset={2}>
        <Combobox.Target withKeyboardNavigation={false} withAriaAttributes={false}>
          <Textarea
            ref={ref}
            label={label}
            description={description ?? t('editor.help')}
            required={required}
            value={value}
            error={error}
            autosize
            minRows={minRows}
            maxRows={20}
            maxLength={POST_MAX_CHARS}
            onChange={(e) => {
              onChange(e.currentTarget.value);
              track(e.currentTarget);
            }}
            onKeyDown={onKeyDown}
            onKeyUp={(e) => {
              if (!['ArrowDown', 'ArrowUp', 'Enter', 'Tab', 'Escape'].includes(e.key)) track(e.currentTarget);
            }}
            onClick={(e) => track(e.currentTarget)}
            onBlur={() => window.setTimeout(() => setMention(null), 150)}
            aria-autocomplete="list"
            aria-controls={open ? (store.listId ?? undefined) : undefined}
            aria-activedescendant={open ? (activeId ?? undefined) : undefined}
            data-testid={testId}
          />
        </Combobox.Target>
        <Combobox.Dropdown hidden={!open} maw={320}>
          <Combobox.Options aria-label={t('editor.people')}>
            {items.map((p) => (
              <Combobox.Option value={p.id} key={p.id}>
                <bdi>{p.name}</bdi>
              </Combobox.Option>
            ))}
          </Combobox.Options>
        </Combobox.Dropdown>
      </Combobox>
      <VisuallyHidden role="status">
        {mention && people.data && q === mention.q
          ? items.length > 0
            ? t('editor.found', { count: items.length })
            : t('editor.noPeople')
          : ''}
      </VisuallyHidden>
    </div>
  );
}
