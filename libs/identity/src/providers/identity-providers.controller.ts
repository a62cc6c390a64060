import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, Ctx, Permission, Public, RequestContext, RequirePermission } from '@namndrum/core';
import { CreateIdentityProviderDto, IdentityProviderDto, IdentityProviderListDto, PasswordSignInDto, SignInOptionsDto, UpdateIdentityProviderDto } from './dto/identity-provider.dto';
import { IdentityProvidersService } from './identity-providers.service';

@ApiTags('auth')
@Controller('auth/providers')
export class SignInOptionsController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'How one can sign in: the enabled identity providers, by name, and whether passwords are allowed' })
  @ApiOkResponse({ type: SignInOptionsDto })
  @ApiErrors(400)
  options(): Promise<SignInOptionsDto> {
    return this.providers.signInOptions();
  }
}

@ApiTags('identity-providers')
@Controller('identity-providers')
export class IdentityProvidersController {
  constructor(private readonly providers: IdentityProvidersService) {}

  @Get()
  @RequirePermission(Permission.IdentityProvidersManage)
  @ApiOperation({ summary: "The municipality's identity providers, and whether passwords are allowed" })
  @ApiOkResponse({ type: IdentityProviderListDto })
  @ApiErrors(400)
  async list(@Ctx() ctx: RequestContext): Promise<IdentityProviderListDto> {
    return { passwordSignIn: await this.providers.passwordSignIn(ctx), providers: await this.providers.list(ctx) };
  }

  @Put('password-sign-in')
  @RequirePermission(Permission.IdentityProvidersManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Turn password sign-in on or off for the municipality', description: 'Off ends every password session and bearer token of its users at once.' })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400, 409, 413)
  async setPasswordSignIn(@Ctx() ctx: RequestContext, @Body() dto: PasswordSignInDto): Promise<void> {
    await this.providers.setPasswordSignIn(ctx, dto.passwordSignIn);
  }

  @Get(':id')
  @RequirePermission(Permission.IdentityProvidersManage)
  @ApiOperation({ summary: 'Get an identity provider (its client secret is never answered)' })
  @ApiOkResponse({ type: IdentityProviderDto })
  @ApiErrors(400, 404)
  get(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<IdentityProviderDto> {
    return this.providers.get(ctx, id);
  }

  @Post()
  @RequirePermission(Permission.IdentityProvidersManage)
  @ApiOperation({ summary: 'Register an identity provider (OpenID Connect or SAML 2.0)', description: "An OIDC provider's discovery is read at once; SAML metadata is read and checked." })
  @ApiCreatedResponse({ type: IdentityProviderDto })
  @ApiErrors(400, 404, 409, 413)
  create(@Ctx() ctx: RequestContext, @Body() dto: CreateIdentityProviderDto): Promise<IdentityProviderDto> {
    return this.providers.create(ctx, dto);
  }

  @Patch(':id')
  @RequirePermission(Permission.IdentityProvidersManage)
  @ApiOperation({ summary: 'Change an identity provider', description: 'Its key and protocol stay; a change without oidc.clientSecret keeps the stored secret.' })
  @ApiOkResponse({ type: IdentityProviderDto })
  @ApiErrors(400, 404, 409, 413)
  update(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateIdentityProviderDto): Promise<IdentityProviderDto> {
    return this.providers.update(ctx, id, dto);
  }

  @Delete(':id')
  @RequirePermission(Permission.IdentityProvidersManage)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an identity provider', description: 'Its users keep their accounts; their sessions through it end.' })
  @ApiNoContentResponse({ description: 'Removed' })
  @ApiErrors(400, 404, 409)
  async remove(@Ctx() ctx: RequestContext, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    await this.providers.remove(ctx, id);
  }
}
