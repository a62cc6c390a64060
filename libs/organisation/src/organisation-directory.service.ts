import { Global, Injectable, Module } from '@nestjs/common';
import { ORGANISATION_DIRECTORY, OrganisationDirectory, RequestContext, TenantRepository } from '@namndrum/core';
import { Department } from './entities/department.entity';
import { Membership } from './entities/membership.entity';
import { Organ } from './entities/organ.entity';
import { Person } from './entities/person.entity';

@Injectable()
export class OrganisationDirectoryService implements OrganisationDirectory {
  organExists(ctx: RequestContext, organId: string): Promise<boolean> {
    return new TenantRepository(ctx, Organ, 'Organet').exists(organId);
  }

  departmentExists(ctx: RequestContext, departmentId: string): Promise<boolean> {
    return new TenantRepository(ctx, Department, 'Förvaltningen').exists(departmentId);
  }

  personExists(ctx: RequestContext, personId: string): Promise<boolean> {
    return new TenantRepository(ctx, Person, 'Personen').exists(personId);
  }

  async currentSeats(ctx: RequestContext, personId: string, date: string) {
    const seats = await new TenantRepository(ctx, Membership, 'Uppdraget')
      .query('m')
      .innerJoinAndSelect('m.organ', 'organ')
      .andWhere('m.person_id = :personId AND :date BETWEEN m.valid_from AND m.valid_to', { personId, date })
      .getMany();
    return seats.map((seat) => ({ organId: seat.organId, organShortName: seat.organ!.shortName, role: seat.role, position: seat.position }));
  }
}

/** Offers the organisation register to contexts that may not depend on this one (identity). */
@Global()
@Module({
  providers: [{ provide: ORGANISATION_DIRECTORY, useClass: OrganisationDirectoryService }],
  exports: [ORGANISATION_DIRECTORY],
})
export class OrganisationDirectoryModule {}
