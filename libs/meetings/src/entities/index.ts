import { Absence } from './absence.entity';
import { AgendaItem } from './agenda-item.entity';
import { AgendaTemplateItem } from './agenda-template-item.entity';
import { MailDelivery } from './mail-delivery.entity';
import { Meeting } from './meeting.entity';
import { MeetingNotice } from './meeting-notice.entity';
import { NoticeBundlePart } from './notice-bundle-part.entity';
import { SubstituteCall } from './substitute-call.entity';

export { Absence, AgendaItem, AgendaTemplateItem, MailDelivery, Meeting, MeetingNotice, NoticeBundlePart, SubstituteCall };
export * from './agenda-item.entity';
export * from './mail-delivery.entity';
export * from './meeting-notice.entity';
export * from './substitute-call.entity';

export const MEETINGS_ENTITIES = [Meeting, AgendaItem, AgendaTemplateItem, MeetingNotice, MailDelivery, Absence, SubstituteCall, NoticeBundlePart];
