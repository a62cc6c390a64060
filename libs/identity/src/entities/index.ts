import { User } from './user.entity';
import { UserRoleGrant } from './user-role-grant.entity';

export * from './user.entity';
export * from './user-role-grant.entity';

export const IDENTITY_ENTITIES = [User, UserRoleGrant];
