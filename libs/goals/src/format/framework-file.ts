/**
 * The import/export format of a whole goal framework (styrmodell): one JSON document, described by
 * libs/goals/schema/goal-framework.schema.json. Keys are the file's own identifiers (stable across
 * imports, so importing the same file twice changes nothing); departments and companies are named by
 * the municipality's short codes ("SOU", "LKF").
 */

export const FRAMEWORK_FORMAT_VERSION = 1;

export type Direction = 'higher_is_better' | 'lower_is_better' | 'none';
export type Comparator = '>=' | '>' | '<=' | '<' | '=';
/** How an actual given as a bound relates to its number: '>=' 18 is "at least 18" (written "≥18"). */
export type Bound = '>=' | '>' | '<=' | '<';
export type ReportKind = 'plan' | 'follow_up' | 'interim_report' | 'annual_report';
export type ActivityStatus = 'planned' | 'started' | 'done' | 'postponed' | 'cancelled';

interface TargetCommon {
  year: number;
  footnotes?: string[];
  note?: string | null;
}

/** "≥ 80"; comparator omitted = the direction's: '>=' when higher is better, '<=' when lower is, '=' when neither. */
export interface NumericTarget extends TargetCommon {
  kind: 'numeric';
  comparator?: Comparator | null;
  value: number;
}

/** "≥ föregående år"; comparator omitted = the direction's ('>=' or '<='); an indicator without a direction must name one. */
export interface RelativeTarget extends TargetCommon {
  kind: 'relative';
  comparator?: Comparator | null;
  /** The year whose actual value the target compares with; omitted = the previous year. */
  relativeToYear?: number | null;
}

/** A state of the indicator's scale; comparator omitted = '>=' (this state or better); '>' "better than delvis". */
export interface StateTarget extends TargetCommon {
  kind: 'state';
  comparator?: Comparator | null;
  state: string;
}

/** A target the municipality has not quantified yet (">Xx st"): evaluates as no target, printed as written. */
export interface ToBeSetTarget extends TargetCommon {
  kind: 'to_be_set';
  /** The target as the source writes it, e.g. ">Xx st"; null when the source says nothing. */
  text?: string | null;
}

export type Target = NumericTarget | RelativeTarget | StateTarget | ToBeSetTarget;
export type TargetKind = Target['kind'];

export interface FrameworkFile {
  formatVersion: 1;
  framework: {
    /** Stable identifier within the municipality, e.g. "ludvika-2021-2025". */
    key: string;
    name: string;
    description?: string | null;
    /** Years the framework covers: every value, target, assessment and plan lies within [fromYear, toYear]. */
    fromYear: number;
    toYear: number;
    /** Where the framework was decided or published ("KF 2020-11-23 § 175"). */
    source?: string | null;
    /** The names of the tree's levels, top first ("Vision", "Målområde", "Verksamhetsmål", …). */
    levels: { key: string; name: string }[];
    /**
     * The names of the indicator tiers, top first ("Indikator", "Delmått"): an indicator without a parent is of
     * the first tier, its sub-measures of the second, and so on. Omitted = no names ("Resultatmått" in reports).
     */
    indicatorLevels?: { key: string; name: string }[];
    /**
     * Ordinal scales: the verbal assessment scale and qualitative target scales; `rank` orders the states, higher
     * is better. A scale of one state ("Uppfyller") implies the state below it, key "ej-uppfyllt", label "Ej uppfyllt".
     */
    scales: { key: string; name: string; states: { key: string; label: string; rank: number }[] }[];
    /** The scale assessments of nodes and indicators use. */
    assessmentScale?: string | null;
    footnotes: { key: string; text: string }[];
    nodes: {
      key: string;
      level: string;
      /** null for a root (a vision). */
      parent: string | null;
      title: string;
      description?: string | null;
      /** Order among siblings, 1 first. */
      position?: number | null;
      /** Links outside the framework, e.g. the global goals: ["Agenda 2030: 4 God utbildning"]. */
      externalRefs?: string[];
    }[];
    indicators: {
      key: string;
      name: string;
      unit?: string | null;
      /** Which way is better; omitted = 'none' (no way is better: targets are judged, trends are not). */
      direction?: Direction;
      decimals?: number;
      description?: string | null;
      /** The indicator this one is a sub-measure of (e.g. one per school form). */
      parent?: string | null;
      /** The goal nodes it measures; omitted or empty on a sub-measure = its parent's (inherited up the chain). */
      nodes?: string[];
      /** An ordinal indicator takes states of this scale instead of numbers. */
      scale?: string | null;
      /** Kolada KPI id ("N15419") for importing actual values. */
      koladaKpi?: string | null;
      source?: string | null;
      footnotes?: string[];
      values: {
        year: number;
        /** A value measured at a date rather than for the whole year ("Avser november 2022"). */
        asOf?: string | null;
        note?: string | null;
        /** Numeric indicators: the value, or null when it is missing. */
        value?: number | null;
        /** The value is a bound, not a measurement: '>=' with value 18 is "≥18", at least 18. */
        bound?: Bound | null;
        /** Ordinal indicators: a state of the indicator's scale. */
        state?: string | null;
        preliminary?: boolean;
        footnotes?: string[];
        /** Where the value comes from ("Kolada"). */
        source?: string | null;
      }[];
      targets: Target[];
    }[];
    assessments: {
      node?: string | null;
      indicator?: string | null;
      year: number;
      state: string;
      comment?: string | null;
      assessedBy?: string | null;
      assessedOn?: string | null;
    }[];
    activityPlans: {
      key: string;
      /** The department or company whose plan it is. */
      department: string;
      year: number;
      title: string;
      activities: {
        number: number;
        text: string;
        /** "10", "50-75" or null. */
        quantity?: string | null;
        unit?: string | null;
        /** Short codes of the responsible departments or companies; several may share an activity. */
        responsible: string[];
        /** Verksamhet: the unit of work ("Förskola och skola"). */
        unitOfWork?: string | null;
        comment?: string | null;
        node?: string | null;
        indicator?: string | null;
        status?: ActivityStatus;
      }[];
    }[];
    /** Published counts where the activities themselves are not in the file (the group's 120 activities). */
    activityCounts?: { year: number; by: 'indicator' | 'department'; rows: { indicator?: string | null; department?: string | null; label: string; count: number }[]; note?: string | null }[];
  };
}
