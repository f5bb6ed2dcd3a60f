import { z } from 'zod';
import { closest, distance } from 'fastest-levenshtein';

/**
 * The field names a schema allows at a path of a parsed document (array indexes and record keys
 * step through), or [] where the schema takes no fixed fields. Used to suggest the field an
 * author meant when a key is misspelt.
 */
export function fieldsAt(schema: z.core.$ZodType, path: readonly PropertyKey[]): string[] {
  const [head, ...rest] = path;
  const inner = unwrap(schema);
  if (head === undefined) return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
  if (inner instanceof z.ZodObject) {
    const field: unknown = inner.shape[String(head)];
    return field instanceof z.core.$ZodType ? fieldsAt(field, rest) : [];
  }
  if (inner instanceof z.ZodArray) return fieldsAt(inner.element, rest);
  if (inner instanceof z.ZodRecord) return fieldsAt(inner.valueType, rest);
  return [];
}

/** The valid field an author most likely meant by `key`, if one is close enough to be a typo. */
export function nearestField(key: string, fields: readonly string[]): string | undefined {
  if (fields.length === 0) return undefined;
  const best = closest(key, [...fields]);
  return distance(key.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(best.length / 3)) ? best : undefined;
}

function unwrap(schema: z.core.$ZodType): z.core.$ZodType {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodDefault || schema instanceof z.ZodNullable) return unwrap(schema.unwrap());
  return schema;
}
