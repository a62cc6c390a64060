import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { AuditEntry, dataSourceOptions, loadConfig, OutboxJob } from '@namndrum/core';
import { IDENTITY_ENTITIES } from '@namndrum/identity';
import { MATTERS_ENTITIES } from '@namndrum/matters';
import { GOALS_ENTITIES } from '@namndrum/goals';
import { MINUTES_ENTITIES } from '@namndrum/minutes';
import { MEETINGS_ENTITIES } from '@namndrum/meetings';
import { ORGANISATION_ENTITIES } from '@namndrum/organisation';

/** Every entity of every context: what `npm run migration:generate` compares the database with. */
export const ALL_ENTITIES = [AuditEntry, ...IDENTITY_ENTITIES, ...ORGANISATION_ENTITIES, ...MATTERS_ENTITIES, OutboxJob, ...MEETINGS_ENTITIES, ...GOALS_ENTITIES, ...MINUTES_ENTITIES];

export default new DataSource(dataSourceOptions(loadConfig().DATABASE_URL, ALL_ENTITIES));
