import { describe, expect, it } from 'vitest';
import { splitName } from './name';

describe('splitName', () => {
  it.each([
    // basics
    ['Jane Doe', { name: 'Jane', lastName: 'Doe' }],
    ['  Jane   Doe  ', { name: 'Jane', lastName: 'Doe' }],
    ['Jane', { name: 'Jane' }],
    ['Ana García López', { name: 'Ana', lastName: 'García López' }],
    ['John Fitzgerald Kennedy', { name: 'John', lastName: 'Fitzgerald Kennedy' }],
    // titles
    ['Ms. Jane Doe', { name: 'Jane', lastName: 'Doe' }],
    ['Mr John Smith', { name: 'John', lastName: 'Smith' }],
    ['Mrs. Jane Doe', { name: 'Jane', lastName: 'Doe' }],
    ['Miss Jane Doe', { name: 'Jane', lastName: 'Doe' }],
    ['Dr. Gregory House', { name: 'Gregory', lastName: 'House' }],
    ['Prof. Ada Lovelace', { name: 'Ada', lastName: 'Lovelace' }],
    ['Sra. Ana García', { name: 'Ana', lastName: 'García' }],
    ['Srta Lucía Gómez', { name: 'Lucía', lastName: 'Gómez' }],
    ['Sr. Don Juan Pérez', { name: 'Juan', lastName: 'Pérez' }],
    ['Doña Rosa Martínez', { name: 'Rosa', lastName: 'Martínez' }],
    ['Lic. Carlos Ruiz', { name: 'Carlos', lastName: 'Ruiz' }],
    ['Ing. Laura Díaz', { name: 'Laura', lastName: 'Díaz' }],
    ['Dra. Elena Sanz', { name: 'Elena', lastName: 'Sanz' }],
    ['Don Draper', { name: 'Don', lastName: 'Draper' }],
    ['Mr. Smith', { lastName: 'Smith' }],
    ['Sra. García', { lastName: 'García' }],
    // suffixes
    ['Martin Luther King Jr.', { name: 'Martin', lastName: 'Luther King' }],
    ['John Smith Jr', { name: 'John', lastName: 'Smith' }],
    ['John Smith, Jr.', { name: 'John', lastName: 'Smith' }],
    ['Henry Ford II', { name: 'Henry', lastName: 'Ford' }],
    ['Thurston Howell III', { name: 'Thurston', lastName: 'Howell' }],
    ['Jane Doe PhD', { name: 'Jane', lastName: 'Doe' }],
    ['Dr. Jane Doe, Ph.D.', { name: 'Jane', lastName: 'Doe' }],
    ['Frank Sinatra Sr.', { name: 'Frank', lastName: 'Sinatra' }],
    // compound first names (short list)
    ['María José Pérez Gil', { name: 'María José', lastName: 'Pérez Gil' }],
    ['María José Pérez', { name: 'María José', lastName: 'Pérez' }],
    ['Maria Jose Perez', { name: 'Maria Jose', lastName: 'Perez' }],
    ['Juan Pablo Rodríguez', { name: 'Juan Pablo', lastName: 'Rodríguez' }],
    ['Miguel Ángel Torres', { name: 'Miguel Ángel', lastName: 'Torres' }],
    ['Juan Pablo', { name: 'Juan', lastName: 'Pablo' }],
    ['Juan Cruz Pérez', { name: 'Juan', lastName: 'Cruz Pérez' }],
    // particles stay with the last name
    ['Ludwig van Beethoven', { name: 'Ludwig', lastName: 'van Beethoven' }],
    ['Juan de la Cruz', { name: 'Juan', lastName: 'de la Cruz' }],
    ['Juan Pablo de la Cruz', { name: 'Juan Pablo', lastName: 'de la Cruz' }],
    ['Sr. de la Cruz', { lastName: 'de la Cruz' }],
    ['Van Morrison', { name: 'Van', lastName: 'Morrison' }],
    // comma form
    ['Doe, Jane', { name: 'Jane', lastName: 'Doe' }],
    ['Doe,Jane', { name: 'Jane', lastName: 'Doe' }],
    ['Pérez Gil, María José', { name: 'María José', lastName: 'Pérez Gil' }],
    ['de la Cruz, Juan', { name: 'Juan', lastName: 'de la Cruz' }],
    ['Doe, Ms. Jane', { name: 'Jane', lastName: 'Doe' }],
    ['Doe, Jane, PhD', { name: 'Jane', lastName: 'Doe' }],
    // nothing usable
    ['', {}],
    ['   ', {}],
    [',', {}],
  ])('%j', (input, expected) => {
    expect(splitName(input)).toEqual(expected);
  });

  it('accepts null and undefined', () => {
    expect(splitName(undefined)).toEqual({});
    expect(splitName(null)).toEqual({});
  });
});
