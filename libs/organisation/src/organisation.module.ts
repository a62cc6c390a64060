import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttendanceRightService } from './attendance-right.service';
import { AttendanceRightsController } from './attendance-rights.controller';
import { DepartmentService } from './department.service';
import { DepartmentsController } from './departments.controller';
import { ORGANISATION_ENTITIES } from './entities';
import { MembershipService } from './membership.service';
import { MembershipsController } from './memberships.controller';
import { MunicipalitiesController } from './municipalities.controller';
import { MunicipalityService } from './municipality.service';
import { OrganService } from './organ.service';
import { OrganisationDirectoryModule } from './organisation-directory.service';
import { OrgansController } from './organs.controller';
import { PersonService } from './person.service';
import { PersonsController } from './persons.controller';
import { TermService } from './term.service';
import { TermsController } from './terms.controller';

const SERVICES = [MunicipalityService, DepartmentService, TermService, OrganService, PersonService, MembershipService, AttendanceRightService];

@Module({
  imports: [TypeOrmModule.forFeature(ORGANISATION_ENTITIES), OrganisationDirectoryModule],
  controllers: [
    MunicipalitiesController,
    DepartmentsController,
    TermsController,
    OrgansController,
    PersonsController,
    MembershipsController,
    AttendanceRightsController,
  ],
  providers: SERVICES,
  exports: SERVICES,
})
export class OrganisationModule {}
