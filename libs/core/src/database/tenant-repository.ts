import { EntityTarget, FindManyOptions, FindOptionsWhere, Repository, SelectQueryBuilder } from 'typeorm';
import { RequestContext } from '../context/request-context';
import { NotFoundError } from '../errors/domain-error';
import { Page, PageQueryDto, pageOf } from '../http/pagination';
import { TenantEntity } from './base.entity';

/**
 * The one place where tenant scoping is enforced: every read adds the actor's municipality, every
 * write stamps it. A row of another municipality is indistinguishable from a missing one (404).
 */
export class TenantRepository<T extends TenantEntity> {
  readonly repository: Repository<T>;

  constructor(
    private readonly ctx: RequestContext,
    target: EntityTarget<T>,
    private readonly label: string,
  ) {
    this.repository = ctx.em.getRepository(target);
  }

  private scoped(where: FindOptionsWhere<T> = {}): FindOptionsWhere<T> {
    return { ...where, municipalityId: this.ctx.municipalityId } as FindOptionsWhere<T>;
  }

  async get(id: string): Promise<T> {
    const row = await this.repository.findOne({ where: this.scoped({ id } as FindOptionsWhere<T>) });
    if (!row) {
      throw new NotFoundError(this.label);
    }
    return row;
  }

  async find(where: FindOptionsWhere<T> = {}, options: Omit<FindManyOptions<T>, 'where'> = {}): Promise<T[]> {
    return this.repository.find({ ...options, where: this.scoped(where) });
  }

  async exists(id: string): Promise<boolean> {
    return this.repository.exists({ where: this.scoped({ id } as FindOptionsWhere<T>) });
  }

  /** A query builder already restricted to the actor's municipality. */
  query(alias: string): SelectQueryBuilder<T> {
    return this.repository
      .createQueryBuilder(alias)
      .where(`${alias}.municipality_id = :municipalityId`, { municipalityId: this.ctx.municipalityId });
  }

  async paginate(query: SelectQueryBuilder<T>, page: PageQueryDto): Promise<Page<T>> {
    const [items, total] = await query
      .skip((page.page - 1) * page.pageSize)
      .take(page.pageSize)
      .getManyAndCount();
    return pageOf(items, total, page);
  }

  create(values: Partial<T>): T {
    return this.repository.create({ ...values, municipalityId: this.ctx.municipalityId } as T);
  }

  /**
   * Saves and returns the entity as it was loaded: TypeORM fills a nullable column it did not load
   * (select: false, such as a search vector or extracted text) with null, which would then appear
   * in a response as if it belonged to the resource.
   */
  async save(entity: T): Promise<T> {
    entity.municipalityId = this.ctx.municipalityId;
    const unloaded = this.repository.metadata.columns.filter((column) => !column.isSelect && column.getEntityValue(entity) === undefined);
    const saved = await this.repository.save(entity);
    for (const column of unloaded) delete (saved as Record<string, unknown>)[column.propertyName];
    return saved;
  }
}
