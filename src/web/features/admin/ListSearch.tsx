import { Loader, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import type { ListParams } from "./search-params";

/**
 * The text of a list's search box. It has its own state so typing stays quick; the address (?q=…)
 * follows after a pause. `clearAll` empties the box and removes every filter.
 */
export function useListSearch(params: ListParams) {
  const q = params.get("q");
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const { update, clear } = params;
  useEffect(() => {
    if (debounced !== q) update({ q: debounced });
  }, [debounced, q, update]);
  const clearAll = () => {
    setText("");
    clear();
  };
  return { q, text, setText, clearAll };
}

interface ListSearchFieldProps {
  search: ReturnType<typeof useListSearch>;
  label: string;
  placeholder: string;
  /** Shows a spinner while the list loads. */
  busy: boolean;
  spellCheck?: boolean;
}

/** The search box above an administration list. */
export function ListSearchField({ search, label, placeholder, busy, spellCheck }: ListSearchFieldProps) {
  return (
    <TextInput
      type="search"
      label={label}
      placeholder={placeholder}
      value={search.text}
      onChange={(event) => search.setText(event.currentTarget.value)}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={busy ? <Loader size="xs" /> : undefined}
      autoComplete="off"
      spellCheck={spellCheck}
      mb="sm"
    />
  );
}
