import { ActivityPlan } from './activity-plan.entity';
import { Assessment } from './assessment.entity';
import { GeneratedGoalReport } from './generated-goal-report.entity';
import { GoalActivity } from './goal-activity.entity';
import { GoalFramework } from './goal-framework.entity';
import { GoalNode } from './goal-node.entity';
import { IndicatorTarget } from './indicator-target.entity';
import { IndicatorValue } from './indicator-value.entity';
import { Indicator } from './indicator.entity';
import { KoladaImport } from './kolada-import.entity';
import { MatterGoalLink } from './matter-goal-link.entity';

export * from './activity-plan.entity';
export * from './assessment.entity';
export * from './generated-goal-report.entity';
export * from './goal-activity.entity';
export * from './goal-framework.entity';
export * from './goal-node.entity';
export * from './indicator-target.entity';
export * from './indicator-value.entity';
export * from './indicator.entity';
export * from './kolada-import.entity';
export * from './matter-goal-link.entity';

export const GOALS_ENTITIES = [GoalFramework, GoalNode, Indicator, IndicatorValue, IndicatorTarget, Assessment, ActivityPlan, GoalActivity, MatterGoalLink, KoladaImport, GeneratedGoalReport];
