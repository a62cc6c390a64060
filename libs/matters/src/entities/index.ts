import { CaseNumberCounter } from './case-number-counter.entity';
import { DelegatedDecision } from './delegated-decision.entity';
import { Document } from './document.entity';
import { Matter } from './matter.entity';
import { MatterEvent } from './matter-event.entity';
import { OfficerReport } from './officer-report.entity';
import { Registry } from './registry.entity';

export { CaseNumberCounter, DelegatedDecision, Document, Matter, MatterEvent, OfficerReport, Registry };
export * from './document.entity';
export * from './matter-event.entity';

export const MATTERS_ENTITIES = [Registry, CaseNumberCounter, Matter, MatterEvent, Document, OfficerReport, DelegatedDecision];
