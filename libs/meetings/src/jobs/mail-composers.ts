import { Injectable } from '@nestjs/common';
import { RequestContext } from '@namndrum/core';
import type { OutgoingMail } from '@namndrum/mail';
import { DeliveryPurpose, MailDelivery } from '../entities';
import { NoticeMailMaterial } from './notice-mail-material';

export interface DeliveryComposer {
  compose(ctx: RequestContext, delivery: MailDelivery): Promise<OutgoingMail>;
}

/**
 * Who writes the e-mail of each delivery purpose. The meetings context writes notices and call-ins;
 * contexts above it (minutes) register their own purposes, so the one deliverer sends them all
 * without depending on them.
 */
@Injectable()
export class MailComposers {
  private readonly byPurpose = new Map<DeliveryPurpose, DeliveryComposer>();

  constructor(notices: NoticeMailMaterial) {
    this.register(['notice', 'substitute_called', 'substitute_released'], notices);
  }

  register(purposes: DeliveryPurpose[], composer: DeliveryComposer): void {
    for (const purpose of purposes) this.byPurpose.set(purpose, composer);
  }

  compose(ctx: RequestContext, delivery: MailDelivery): Promise<OutgoingMail> {
    const composer = this.byPurpose.get(delivery.purpose);
    if (!composer) throw new Error(`No e-mail composer is registered for deliveries of purpose ${delivery.purpose}`);
    return composer.compose(ctx, delivery);
  }
}
