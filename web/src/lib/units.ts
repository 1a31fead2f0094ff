/**
 * The administrative units every page names and picks: their types and names in the reader's
 * language, a unit's path up to its province, the units under a unit, and their outlines. The
 * gazetteer module manages the units; this is the reading every module shares (as the API's
 * gazetteer port does), so it lives with the shared code.
 */
import { useQuery } from '@tanstack/react-query';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { useTranslation } from 'react-i18next';
import { api, call } from './api/client.ts';
import { ApiError } from './api/problem.ts';
import type { paths } from './api/schema.d.ts';

export const PROVINCE_LEVEL = 1;
export const VILLAGE_LEVEL = 4;

export type GazetteerUnit =
  paths['/api/gazetteer/units/{code}']['get']['responses'][200]['content']['application/json'];

type ApiBoundaryFeature =
  paths['/api/gazetteer/units/{code}/boundary']['get']['responses'][200]['content']['application/geo+json'];
export type BoundaryProperties = ApiBoundaryFeature['properties'];
/**
 * Outlines as GeoJSON's own types, which d3-geo reads. The API's schema describes exactly this
 * (polygons, four-number bboxes), but the generated client widens every tuple to `number[]`,
 * so `asGeoJson` is the one place where the answer is taken as GeoJSON.
 */
export type BoundaryFeature = Feature<Polygon | MultiPolygon, BoundaryProperties>;
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;

export function asGeoJson(answer: { type: 'Feature' } & Omit<ApiBoundaryFeature, 'bbox'>): BoundaryFeature;
export function asGeoJson(answer: { type: 'FeatureCollection'; features: unknown[] }): BoundaryCollection;
export function asGeoJson(answer: { type: string }): BoundaryFeature | BoundaryCollection {
  return answer as BoundaryFeature | BoundaryCollection;
}

/** Catalogue keys of the unit types the gazetteer knows; a type added later shows its code. */
export const UNIT_TYPE_KEYS: Readonly<Record<string, string>> = {
  capital: 'gazetteer.type.capital',
  province: 'gazetteer.type.province',
  municipality: 'gazetteer.type.municipality',
  district: 'gazetteer.type.district',
  khan: 'gazetteer.type.khan',
  commune: 'gazetteer.type.commune',
  sangkat: 'gazetteer.type.sangkat',
  village: 'gazetteer.type.village',
};

/** The catalogue key of a level's generic name ("communes and sangkats"). */
export const LEVEL_KEYS: Readonly<Record<string, string>> = {
  '1': 'gazetteer.level.1',
  '2': 'gazetteer.level.2',
  '3': 'gazetteer.level.3',
  '4': 'gazetteer.level.4',
};

/** The name of a unit type (province, sangkat…) in the current language. */
export function useUnitTypeLabel(): (typeCode: string) => string {
  const { t } = useTranslation();
  return (typeCode) => {
    const key = UNIT_TYPE_KEYS[typeCode];
    return key ? t(key) : typeCode;
  };
}

/** A unit's name in the current language: Khmer, or the romanised name in English. */
export function unitName(unit: { nameKm: string; nameLatin: string }, lang: string): string {
  return lang === 'km' ? unit.nameKm : unit.nameLatin;
}

/**
 * The units directly under a unit (the provinces when parent is null). A district has at most
 * a few dozen communes and a commune a few dozen villages: one page of 500 holds them all.
 */
export function useUnitChildren(parent: string | null, enabled = true) {
  return useQuery({
    queryKey:
      parent === null
        ? ['gazetteer', 'units', { level: PROVINCE_LEVEL }]
        : ['gazetteer', 'units', { parent }],
    enabled,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units', {
          params: {
            query:
              parent === null
                ? { level: PROVINCE_LEVEL, page: 1, pageSize: 50, sort: 'code' }
                : { parent, page: 1, pageSize: 500, sort: 'code' },
          },
          signal,
        }),
      ),
  });
}

/** A unit and the units above it, the province first and the unit itself last. */
export function useUnitPath(code: string | null) {
  return useQuery({
    queryKey: ['gazetteer', 'ancestors', code],
    enabled: code !== null,
    staleTime: 60 * 60_000,
    queryFn: ({ signal }) =>
      call(
        api.GET('/api/gazetteer/units/{code}/ancestors', { params: { path: { code: code ?? '' } }, signal }),
      ),
  });
}

/** The outlines of all units of a level (within a unit); null when none are loaded. */
export function useBoundaries(level: number, within: string) {
  return useQuery({
    queryKey: ['gazetteer', 'boundaries', level, within],
    staleTime: 60 * 60_000,
    queryFn: async ({ signal }) => {
      try {
        const collection = await call(
          api.GET('/api/gazetteer/boundaries/{level}', {
            params: { path: { level }, query: { within } },
            signal,
          }),
        );
        return collection.features.length > 0 ? asGeoJson(collection) : null;
      } catch (error) {
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}
