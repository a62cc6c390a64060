import { AttendanceRight } from './attendance-right.entity';
import { Department } from './department.entity';
import { Membership } from './membership.entity';
import { Municipality } from '@namndrum/core';
import { Organ } from './organ.entity';
import { Person } from './person.entity';
import { Term } from './term.entity';

export * from './attendance-right.entity';
export * from './department.entity';
export * from './membership.entity';
export * from './organ-rules';
export * from './organ.entity';
export * from './person.entity';
export * from './term.entity';

export const ORGANISATION_ENTITIES = [Municipality, Department, Term, Organ, Person, Membership, AttendanceRight];
