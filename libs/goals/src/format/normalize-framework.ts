import { createHash } from 'node:crypto';
import { FrameworkFile, Target } from './framework-file';

type Framework = FrameworkFile['framework'];

/**
 * The file with every optional field written out (null, [] or false), in the order the format lists
 * them: what an export produces, so that an imported file and its export compare equal, and the hash
 * that makes a second import of the same file a no-op.
 */
export function normalizeFrameworkFile(file: FrameworkFile): FrameworkFile {
  const f = file.framework;
  const framework: Framework = {
    key: f.key,
    name: f.name,
    description: f.description ?? null,
    fromYear: f.fromYear,
    toYear: f.toYear,
    source: f.source ?? null,
    levels: f.levels.map((level) => ({ key: level.key, name: level.name })),
    indicatorLevels: (f.indicatorLevels ?? []).map((level) => ({ key: level.key, name: level.name })),
    scales: f.scales.map((scale) => ({ key: scale.key, name: scale.name, states: scale.states.map((state) => ({ key: state.key, label: state.label, rank: state.rank })) })),
    assessmentScale: f.assessmentScale ?? null,
    footnotes: f.footnotes.map((footnote) => ({ key: footnote.key, text: footnote.text })),
    nodes: f.nodes.map((node) => ({
      key: node.key,
      level: node.level,
      parent: node.parent,
      title: node.title,
      description: node.description ?? null,
      position: node.position ?? null,
      externalRefs: node.externalRefs ?? [],
    })) as Framework['nodes'],
    indicators: f.indicators.map((indicator) => ({
      key: indicator.key,
      name: indicator.name,
      unit: indicator.unit ?? null,
      direction: indicator.direction ?? 'none',
      decimals: indicator.decimals ?? 0,
      description: indicator.description ?? null,
      parent: indicator.parent ?? null,
      nodes: [...(indicator.nodes ?? [])],
      scale: indicator.scale ?? null,
      koladaKpi: indicator.koladaKpi ?? null,
      source: indicator.source ?? null,
      footnotes: indicator.footnotes ?? [],
      values: indicator.values.map((value) => ({
        year: value.year,
        asOf: value.asOf ?? null,
        note: value.note ?? null,
        value: value.value ?? null,
        bound: value.bound ?? null,
        state: value.state ?? null,
        preliminary: value.preliminary ?? false,
        footnotes: value.footnotes ?? [],
        source: value.source ?? null,
      })),
      targets: indicator.targets.map((target): Target => {
        const common = { footnotes: target.footnotes ?? [], note: target.note ?? null };
        switch (target.kind) {
          case 'numeric':
            return { year: target.year, kind: target.kind, comparator: target.comparator ?? null, value: target.value, ...common };
          case 'relative':
            return { year: target.year, kind: target.kind, comparator: target.comparator ?? null, relativeToYear: target.relativeToYear ?? null, ...common };
          case 'state':
            return { year: target.year, kind: target.kind, comparator: target.comparator ?? null, state: target.state, ...common };
          case 'to_be_set':
            return { year: target.year, kind: target.kind, text: target.text ?? null, ...common };
        }
      }),
    })),
    assessments: f.assessments.map((assessment) => ({
      node: assessment.node ?? null,
      indicator: assessment.indicator ?? null,
      year: assessment.year,
      state: assessment.state,
      comment: assessment.comment ?? null,
      assessedBy: assessment.assessedBy ?? null,
      assessedOn: assessment.assessedOn ?? null,
    })),
    activityPlans: f.activityPlans.map((plan) => ({
      key: plan.key,
      department: plan.department,
      year: plan.year,
      title: plan.title,
      activities: plan.activities.map((activity) => ({
        number: activity.number,
        text: activity.text,
        quantity: activity.quantity ?? null,
        unit: activity.unit ?? null,
        responsible: [...activity.responsible],
        unitOfWork: activity.unitOfWork ?? null,
        comment: activity.comment ?? null,
        node: activity.node ?? null,
        indicator: activity.indicator ?? null,
        status: activity.status ?? 'planned',
      })),
    })),
    activityCounts: (f.activityCounts ?? []).map((table) => ({
      year: table.year,
      by: table.by,
      note: table.note ?? null,
      rows: table.rows.map((row) => ({ indicator: row.indicator ?? null, department: row.department ?? null, label: row.label, count: row.count })),
    })),
  };
  return { formatVersion: 1, framework };
}

export function frameworkFileHash(file: FrameworkFile): string {
  return normalizedFileHash(normalizeFrameworkFile(file));
}

/**
 * frameworkFileHash of a file normalizeFrameworkFile has already normalized, without normalizing it again: a
 * large framework's normalized text is some 15 MB. Hashed as UTF-8 bytes, the same bytes update(string) would
 * hash, but encoded in one go, which for a text with å, ä and ö is several times faster.
 */
export function normalizedFileHash(normalized: FrameworkFile): string {
  return createHash('sha256').update(Buffer.from(JSON.stringify(normalized), 'utf8')).digest('hex');
}

/** "50-75" → [50, 75]; "10" → [10, 10]; a decimal comma is read as a point. */
export function quantityRange(quantity: string | null): [number, number] | null {
  if (quantity === null) return null;
  const parts = quantity.split('-').map((part) => Number(part.trim().replace(',', '.')));
  if (parts.some((part) => Number.isNaN(part))) return null;
  return [parts[0], parts[parts.length - 1]];
}
