import type { EntityType } from '@baoxun/shared/contracts/api.contract';

/** The query parameter of /v1/articles that filters by an entity of each type. */
export const ARTICLE_PARAM: Record<EntityType, 'person' | 'place' | 'organization' | 'campaign'> = {
  person: 'person',
  place: 'place',
  organization: 'organization',
  campaign: 'campaign',
};

/** A place is addressed by its code when it is a division, anything else by its name. */
export const entityPathKey = (entity: { name: string; code: string | null }): string => entity.code ?? entity.name;

export const entityHref = (type: EntityType, entity: { name: string; code: string | null }): string => `/v1/entities/${type}/${encodeURIComponent(entityPathKey(entity))}`;

export const articlesHref = (type: EntityType, entity: { name: string; code: string | null }, extra = ''): string =>
  `/v1/articles?${ARTICLE_PARAM[type]}=${encodeURIComponent(entityPathKey(entity))}${extra}`;
