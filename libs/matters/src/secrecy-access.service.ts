import { Inject, Injectable } from '@nestjs/common';
import { departmentsWithRole, ORGANISATION_DIRECTORY, OrganisationDirectory, RequestContext, secretaryOrgans, swedishDate } from '@namndrum/core';
import { SecrecyAccess } from './domain/secrecy-access';

@Injectable()
export class SecrecyAccessService {
  constructor(@Inject(ORGANISATION_DIRECTORY) private readonly directory: OrganisationDirectory) {}

  /** The actor's access to secret matters today: organs where they sit or are secretary, departments where they work. */
  async of(ctx: RequestContext): Promise<SecrecyAccess> {
    const actor = ctx.actor;
    if (actor === null) return { all: true, organIds: [], departmentIds: [] };
    const seats = actor.personId ? await this.directory.currentSeats(ctx, actor.personId, swedishDate()) : [];
    return {
      all: false,
      organIds: [...new Set([...secretaryOrgans(actor), ...seats.map((seat) => seat.organId)])],
      departmentIds: departmentsWithRole(actor, ['department_head', 'case_officer']),
    };
  }
}
