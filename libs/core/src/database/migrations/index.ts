// Written by scripts/generate-migration.js: every committed migration, oldest first.
import { Foundation1795439017494 } from './1795439017494-Foundation';
import { Matters1795441139610 } from './1795441139610-Matters';
import { Meetings1795444785749 } from './1795444785749-Meetings';
import { Goals1795448007746 } from './1795448007746-Goals';
import { Minutes1795450318994 } from './1795450318994-Minutes';
import { MeetingAnnouncements1795451663727 } from './1795451663727-MeetingAnnouncements';
import { SecrecyOnEveryPath1795460000000 } from './1795460000000-SecrecyOnEveryPath';
import { MinutesDecisionRules1795461000000 } from './1795461000000-MinutesDecisionRules';
import { PersonalSubstitutesAndAuthorityMatters1795462000000 } from './1795462000000-PersonalSubstitutesAndAuthorityMatters';
import { DelegatedDecisions1795463000000 } from './1795463000000-DelegatedDecisions';
import { FinnishTitles1795464000000 } from './1795464000000-FinnishTitles';
import { CouncilRules1795465000000 } from './1795465000000-CouncilRules';
import { SecretSearchVector1795466000000 } from './1795466000000-SecretSearchVector';
import { ReportedDecisions1795467000000 } from './1795467000000-ReportedDecisions';
import { TokenVersion1795468000000 } from './1795468000000-TokenVersion';
import { UserSessions1795469000000 } from './1795469000000-UserSessions';
import { ParagraphVersion1795469600000 } from './1795469600000-ParagraphVersion';
import { NoticeBundles1795470100000 } from './1795470100000-NoticeBundles';
import { ArchivalPdf1795470200000 } from './1795470200000-ArchivalPdf';
import { GoalFormatTwo1795470300000 } from './1795470300000-GoalFormatTwo';
import { IndicatorValuesByIndicator1795470600000 } from './1795470600000-IndicatorValuesByIndicator';
import { GoalWorkbookHash1795470700000 } from './1795470700000-GoalWorkbookHash';
import { PublicationChanges1795470900000 } from './1795470900000-PublicationChanges';
import { OutboxRequestId1795471300000 } from './1795471300000-OutboxRequestId';
import { UserAccessChanges1795471400000 } from './1795471400000-UserAccessChanges';
import { EnteredAtTheMeeting1795471500000 } from './1795471500000-EnteredAtTheMeeting';

export const MIGRATIONS = [Foundation1795439017494, Matters1795441139610, Meetings1795444785749, Goals1795448007746, Minutes1795450318994, MeetingAnnouncements1795451663727, SecrecyOnEveryPath1795460000000, MinutesDecisionRules1795461000000, PersonalSubstitutesAndAuthorityMatters1795462000000, DelegatedDecisions1795463000000, FinnishTitles1795464000000, CouncilRules1795465000000, SecretSearchVector1795466000000, ReportedDecisions1795467000000, TokenVersion1795468000000, UserSessions1795469000000, ParagraphVersion1795469600000, NoticeBundles1795470100000, ArchivalPdf1795470200000, GoalFormatTwo1795470300000, IndicatorValuesByIndicator1795470600000, GoalWorkbookHash1795470700000, PublicationChanges1795470900000, OutboxRequestId1795471300000, UserAccessChanges1795471400000, EnteredAtTheMeeting1795471500000];
