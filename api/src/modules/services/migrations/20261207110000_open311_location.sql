-- Open311 GeoReport v2 (issue #13): where a request is about and a picture of it, stored and
-- given back by GET requests. All optional: most services are filed at an office, not at a spot.
--   location_lat / location_long: WGS84 degrees, both or neither, inside Cambodia's extent
--     (the country and its islands, 9.8–14.8° N, 102.1–107.8° E);
--   address_string: the address as the client wrote it; address_id: the client's own id of it;
--   media_url: a picture or a document about the request, an http(s) URL (never fetched).
alter table services_application
  add column location_lat double precision,
  add column location_long double precision,
  add column address_string text check (char_length(address_string) between 1 and 500),
  add column address_id text check (char_length(address_id) between 1 and 200),
  add column media_url text check (char_length(media_url) between 1 and 2000 and media_url ~ '^https?://'),
  add constraint services_application_location_both check ((location_lat is null) = (location_long is null)),
  add constraint services_application_location_in_cambodia check (
    location_lat is null or (location_lat between 9.8 and 14.8 and location_long between 102.1 and 107.8));

-- An officer filing through Open311 need not name the person (first_name and last_name are
-- optional in GeoReport v2): the name is null then. Every other channel still requires it
-- (application-filing.service.ts); a name given is never blank.
alter table services_application alter column applicant_name drop not null;
