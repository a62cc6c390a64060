import { Injectable } from '@nestjs/common';
import { Permission, RequestContext } from '@namndrum/core';
import { DepartmentService, OrganService, PersonService } from '@namndrum/organisation';
import { DocumentService } from './document.service';
import { allowedNextStatuses } from './domain/matter-status';
import { DiariumOptionsDto, MatterOverviewDto } from './dto/diarium.dto';
import { MatterService } from './matter.service';
import { OfficerReportService } from './officer-report.service';
import { RegistryService } from './registry.service';

const personName = (person: { firstName: string; lastName: string }) => `${person.firstName} ${person.lastName}`;

/** The diarium pages of the web app, each in one answer; what a matter shows comes from the services that apply its secrecy. */
@Injectable()
export class DiariumService {
  constructor(
    private readonly registries: RegistryService,
    private readonly matters: MatterService,
    private readonly documents: DocumentService,
    private readonly reports: OfficerReportService,
    private readonly organs: OrganService,
    private readonly departments: DepartmentService,
    private readonly persons: PersonService,
  ) {}

  async options(ctx: RequestContext): Promise<DiariumOptionsDto> {
    const [registries, organs, departments, officials] = await Promise.all([
      this.registries.registries(ctx).find({}, { order: { code: 'ASC' } }),
      this.organs.organs(ctx).find({}, { order: { name: 'ASC' } }),
      this.departments.departments(ctx).find({}, { order: { name: 'ASC' } }),
      this.persons.persons(ctx).find({ kind: 'official' }, { order: { lastName: 'ASC', firstName: 'ASC' } }),
    ]);
    return {
      registries: registries.map(({ id, code, name, organId, departmentId, active }) => ({ id, code, name, organId, departmentId, active })),
      organs: organs.map(({ id, name }) => ({ id, name })),
      departments: departments.map(({ id, name }) => ({ id, name })),
      caseOfficers: officials.map((person) => ({ id: person.id, name: personName(person) })),
      mayRegister: ctx.can(Permission.MattersRegister),
    };
  }

  async overview(ctx: RequestContext, matterId: string): Promise<MatterOverviewDto> {
    const matter = await this.matters.get(ctx, matterId);
    const [registry, organ, department, caseOfficer, events, documents, officerReports] = await Promise.all([
      this.registries.get(ctx, matter.registryId),
      matter.organId ? this.organs.get(ctx, matter.organId) : null,
      matter.departmentId ? this.departments.get(ctx, matter.departmentId) : null,
      matter.caseOfficerId ? this.persons.get(ctx, matter.caseOfficerId) : null,
      this.matters.events(ctx, matter.id),
      this.documents.listForMatter(ctx, matter.id),
      this.reports.listForMatter(ctx, matter.id),
    ]);
    const mayRegister = ctx.can(Permission.MattersRegister);
    return {
      matter,
      registryName: registry.name,
      organName: organ?.name ?? null,
      departmentName: department?.name ?? null,
      caseOfficerName: caseOfficer ? personName(caseOfficer) : null,
      events,
      documents,
      officerReports,
      mayRegister,
      // Cancellation (makulering) has its own operation with a reason; it is not a status change.
      nextStatuses: mayRegister ? allowedNextStatuses(matter.status).filter((status) => status !== 'cancelled') : [],
    };
  }
}
