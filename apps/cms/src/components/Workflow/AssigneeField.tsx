'use client';

import { FieldLabel, useConfig, useField } from '@payloadcms/ui';
import type { RelationshipFieldClientComponent } from 'payload';
import { useEffect, useId, useState } from 'react';

type ID = number | string;
type Person = { id: ID; label: string; role?: string | null };

const idOf = (value: unknown): ID | undefined => {
  if (typeof value === 'number' || (typeof value === 'string' && value !== '')) return value;
  if (value && typeof value === 'object' && 'id' in value) return idOf((value as { id: unknown }).id);
  return undefined;
};

/**
 * The article's assignee as a plain list of the newsroom's people (GET /api/articles/assignees): accounts are private
 * to admins, so the usual relationship picker would offer an editor nobody but themselves. Read-only for contributors.
 */
export const AssigneeField: RelationshipFieldClientComponent = ({ path, readOnly, field }) => {
  const { value, setValue } = useField<ID | null>({ path });
  const { config } = useConfig();
  const [people, setPeople] = useState<Person[] | undefined>();
  const [failed, setFailed] = useState(false);
  const id = useId();
  const current = idOf(value);

  useEffect(() => {
    let cancelled = false;
    fetch(`${config.routes.api}/articles/assignees`, { credentials: 'include' })
      .then((response) => (response.ok ? (response.json() as Promise<{ docs: Person[] }>) : Promise.reject(new Error(String(response.status)))))
      .then((json) => !cancelled && setPeople(json.docs))
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [config.routes.api]);

  const known = people?.some((person) => String(person.id) === String(current));
  return (
    <div className="field-type assignee-field" style={{ marginBottom: 'var(--spacing-field, 1.5rem)' }}>
      <FieldLabel htmlFor={id} label={typeof field?.label === 'string' ? field.label : 'Assignee'} path={path} />
      <select
        id={id}
        name={path}
        value={current === undefined ? '' : String(current)}
        disabled={readOnly || !people}
        onChange={(event) => {
          const chosen = people?.find((person) => String(person.id) === event.target.value);
          setValue(chosen ? chosen.id : null);
        }}
        style={{ width: '100%', padding: '0.5em' }}
      >
        <option value="">Unassigned</option>
        {current !== undefined && people && !known && <option value={String(current)}>User {String(current)}</option>}
        {people?.map((person) => (
          <option key={String(person.id)} value={String(person.id)}>
            {person.label}
            {person.role ? ` (${person.role})` : ''}
          </option>
        ))}
      </select>
      {failed && <p className="field-description">The list of people could not be loaded; reload to try again.</p>}
      {readOnly && <p className="field-description">Editors and admins assign stories.</p>}
    </div>
  );
};
