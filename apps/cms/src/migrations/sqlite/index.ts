import * as migration_20261129_230926_initial from './20261129_230926_initial';
import * as migration_20261201_091349_media_created_by from './20261201_091349_media_created_by';
import * as migration_20261201_093924_search from './20261201_093924_search';
import * as migration_20261201_094257_archive_scale from './20261201_094257_archive_scale';
import * as migration_20261201_094600_newsroom_workflow from './20261201_094600_newsroom_workflow';
import * as migration_20261201_130238_wire_identity from './20261201_130238_wire_identity';
import * as migration_20261201_134204_media_object_key from './20261201_134204_media_object_key';
import * as migration_20261201_155307_photo_rights from './20261201_155307_photo_rights';
import * as migration_20261201_202716_listing_counts_from_the_index from './20261201_202716_listing_counts_from_the_index';

export const migrations = [
  {
    up: migration_20261129_230926_initial.up,
    down: migration_20261129_230926_initial.down,
    name: '20261129_230926_initial',
  },
  {
    up: migration_20261201_091349_media_created_by.up,
    down: migration_20261201_091349_media_created_by.down,
    name: '20261201_091349_media_created_by',
  },
  {
    up: migration_20261201_093924_search.up,
    down: migration_20261201_093924_search.down,
    name: '20261201_093924_search',
  },
  {
    up: migration_20261201_094257_archive_scale.up,
    down: migration_20261201_094257_archive_scale.down,
    name: '20261201_094257_archive_scale',
  },
  {
    up: migration_20261201_094600_newsroom_workflow.up,
    down: migration_20261201_094600_newsroom_workflow.down,
    name: '20261201_094600_newsroom_workflow',
  },
  {
    up: migration_20261201_130238_wire_identity.up,
    down: migration_20261201_130238_wire_identity.down,
    name: '20261201_130238_wire_identity',
  },
  {
    up: migration_20261201_134204_media_object_key.up,
    down: migration_20261201_134204_media_object_key.down,
    name: '20261201_134204_media_object_key',
  },
  {
    up: migration_20261201_155307_photo_rights.up,
    down: migration_20261201_155307_photo_rights.down,
    name: '20261201_155307_photo_rights',
  },
  {
    up: migration_20261201_202716_listing_counts_from_the_index.up,
    down: migration_20261201_202716_listing_counts_from_the_index.down,
    name: '20261201_202716_listing_counts_from_the_index'
  },
];
